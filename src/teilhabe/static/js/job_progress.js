// Job page: poll the JSON status and update the progress bar; reload when the job is finished
// (the server then renders the download link or the error). Without JavaScript the page
// refreshes itself through <noscript><meta http-equiv="refresh">.
(function () {
  "use strict";
  var section = document.querySelector("[data-job-status-url]");
  if (!section || section.getAttribute("data-job-finished") === "1") return;
  var url = section.getAttribute("data-job-status-url");
  var bar = section.querySelector("[role=progressbar]");
  var fill = section.querySelector(".job-progress-bar");
  var delay = 1000;
  fill.style.width = bar.getAttribute("aria-valuenow") + "%"; // the page renders it in tens only

  function field(name, value) {
    var node = section.querySelector('[data-job-field="' + name + '"]');
    if (node && node.textContent !== String(value)) node.textContent = value;
  }

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (state) {
        if (state.finished) {
          window.location.reload();
          return;
        }
        bar.setAttribute("aria-valuenow", state.progress);
        bar.setAttribute("aria-valuetext", state.progress + " %");
        fill.style.width = state.progress + "%";
        field("progress", state.progress);
        field("message", state.message);
        field("status_label", state.status_label);
        delay = 1000;
        window.setTimeout(poll, delay);
      })
      .catch(function () {
        delay = Math.min(delay * 2, 15000); // server busy or offline: back off, keep trying
        window.setTimeout(poll, delay);
      });
  }

  window.setTimeout(poll, delay);
})();
