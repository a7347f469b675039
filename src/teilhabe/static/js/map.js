/* Schools map: Köln Stadtteile shaded by waiting children (none elsewhere), schools with free
   seats as dots.
   Works without tiles (TEILHABE_MAP_TILES_URL empty): nothing is fetched from outside. */
(function () {
  "use strict";
  var el = document.getElementById("school-map");
  if (!el || typeof L === "undefined") { return; }
  var d = el.dataset;
  var status = document.getElementById("map-status");
  var map = L.map(el, { zoomSnap: 0.25 }).setView([50.94, 6.96], 11);
  if (d.tilesUrl) {
    L.tileLayer(d.tilesUrl, { maxZoom: 18, attribution: d.tilesAttribution }).addTo(map);
  }
  var levelNames = { primary: d.labelPrimary, secondary: d.labelSecondary, vocational: d.labelVocational };
  var levelColours = { primary: "#1b7837", secondary: "#004b87", vocational: "#762a83" };

  function fill(n) {
    if (n >= 6) { return "#c2410c"; }
    if (n >= 3) { return "#f59e5b"; }
    if (n >= 1) { return "#fde0c5"; }
    return "#f3f5f7";
  }
  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  var schoolLayer = L.layerGroup().addTo(map);
  var schools = [];
  function drawSchools() {
    var level = document.getElementById("map-level").value;
    schoolLayer.clearLayers();
    var shown = 0;
    schools.forEach(function (s) {
      var levels = Object.keys(s.free).filter(function (k) { return s.free[k] > 0 && (!level || k === level); });
      if (!levels.length) { return; }
      shown += 1;
      var main = levels[0];
      var lines = levels.map(function (k) { return esc(levelNames[k]) + ": " + s.free[k] + " " + esc(d.labelFree); });
      L.circleMarker([s.lat, s.lon], {
        radius: 7, color: "#ffffff", weight: 2, fillColor: levelColours[main], fillOpacity: 0.95
      }).bindPopup('<a href="' + esc(s.url) + '">' + esc(s.name) + "</a><br>" + lines.join("<br>"))
        .bindTooltip(esc(s.name)).addTo(schoolLayer);
    });
    el.dataset.schoolsShown = String(shown);
  }

  Promise.all([
    fetch(d.stadtteileUrl, { credentials: "same-origin" }).then(function (r) { return r.json(); }),
    fetch(d.schoolsUrl, { credentials: "same-origin" }).then(function (r) { return r.json(); })
  ]).then(function (results) {
    var areas = L.geoJSON(results[0], {
      style: function (f) {
        return { color: "#6b6b6b", weight: 1, fillColor: fill(f.properties.waiting), fillOpacity: 0.75 };
      },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(esc(f.properties.STT_NAME) + ": " + esc(f.properties.waiting_label) + " " + esc(d.labelWaiting));
      }
    }).addTo(map);
    schools = results[1].schools;
    // Köln has Stadtteile to frame the map; elsewhere (a Kreis) the schools frame it.
    var frame = results[0].features.length ? areas.getBounds()
      : L.latLngBounds(schools.map(function (s) { return [s.lat, s.lon]; }));
    if (frame.isValid()) { map.fitBounds(frame); }
    drawSchools();
    el.dataset.ready = "1";
  }).catch(function (err) {
    if (status) { status.textContent = String(err); }
  });
  document.getElementById("map-level").addEventListener("change", drawSchools);
}());
