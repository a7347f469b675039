/* "Add another child/guardian" without a round trip. Without JavaScript the same button
   submits the form and the server re-renders it with one more empty form. */
(function () {
  "use strict";
  document.querySelectorAll("[data-formset]").forEach(function (set) {
    var prefix = set.getAttribute("data-formset");
    var template = set.querySelector("template.empty-form");
    var button = set.querySelector("button[data-add]");
    var holder = set.querySelector(".formset-forms");
    var total = set.querySelector('input[name="' + prefix + '-TOTAL_FORMS"]');
    var max = set.querySelector('input[name="' + prefix + '-MAX_NUM_FORMS"]');
    if (!template || !button || !holder || !total) { return; }
    button.addEventListener("click", function (event) {
      var count = parseInt(total.value, 10);
      if (max && count >= parseInt(max.value, 10)) { return; } // the server explains the limit
      event.preventDefault();
      holder.insertAdjacentHTML(
        "beforeend",
        template.innerHTML.replace(/__prefix__/g, String(count)).replace(/__num__/g, String(count + 1))
      );
      total.value = String(count + 1);
      var first = holder.lastElementChild.querySelector("input, select, textarea");
      if (first) { first.focus(); }
    });
  });
})();
