/* Public map of organisations: points from the page's JSON, no request leaves the site
   unless tiles are configured. */
(function () {
  "use strict";
  var el = document.getElementById("organisation-map");
  var data = document.getElementById("organisation-points");
  if (!el || !data || typeof L === "undefined") { return; }
  var points = JSON.parse(data.textContent);
  var map = L.map(el).setView([50.94, 6.96], 11);
  if (el.dataset.tilesUrl) {
    L.tileLayer(el.dataset.tilesUrl, { maxZoom: 18, attribution: el.dataset.tilesAttribution }).addTo(map);
  }
  var bounds = [];
  points.forEach(function (p) {
    var marker = L.circleMarker([p.lat, p.lon], { radius: 7, color: "#ffffff", weight: 2, fillColor: "#004b87", fillOpacity: 0.95 });
    marker.bindTooltip(p.name + " (" + p.kind + ")").addTo(map);
    bounds.push([p.lat, p.lon]);
  });
  if (bounds.length > 1) { map.fitBounds(bounds, { padding: [20, 20] }); }
  el.dataset.points = String(points.length);
}());
