/* Offers map on the public site: one marker per offer, a link in each popup.
   The data comes from a JSON block (no inline script; CSP script-src 'self').
   Without tiles configured the map shows only the markers; the list below has everything. */
(function () {
  "use strict";
  var el = document.getElementById("offer-map");
  var data = document.getElementById("offer-points");
  if (!el || !data || typeof L === "undefined") { return; }
  var points = JSON.parse(data.textContent);
  if (!points.length) { return; }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  var map = L.map(el, { zoomSnap: 0.25, scrollWheelZoom: false });
  if (el.dataset.tilesUrl) {
    L.tileLayer(el.dataset.tilesUrl, { maxZoom: 18, attribution: el.dataset.tilesAttribution }).addTo(map);
  }
  var bounds = [];
  points.forEach(function (p) {
    L.circleMarker([p.lat, p.lon], { radius: 7, color: "#ffffff", weight: 2, fillColor: "#004b87", fillOpacity: 0.95 })
      .bindPopup(p.url ? '<a href="' + esc(p.url) + '">' + esc(p.title) + "</a>" : esc(p.title))
      .addTo(map);
    bounds.push([p.lat, p.lon]);
  });
  map.fitBounds(bounds, { padding: [20, 20], maxZoom: 14 });
})();
