/* Coverage map (paritrana_maps): colours the province shapes for the chosen year, keeps the year in
   the address (?tahun=2024 / ?year=2024) and sends a click on a province to its page. Everything it
   shows is also on the page without JavaScript: a tile map and a table for every year. */
(function () {
  "use strict";

  // Show the interactive part before folium's script creates the map, so Leaflet measures a visible box.
  var parts = document.querySelectorAll("[data-pa-map]");
  for (var i = 0; i < parts.length; i++) {
    parts[i].hidden = false;
  }

  function tooltipContent(lines) {
    var box = document.createElement("div");
    lines.forEach(function (text, n) {
      if (!text) {
        return;
      }
      var line = document.createElement(n === 0 ? "strong" : "span");
      line.textContent = text;
      box.appendChild(line);
    });
    return box;
  }

  window.ParitranaMap = function (map, cfg) {
    var root = document.getElementById(cfg.root);
    var status = document.getElementById(cfg.status);
    var radios = Array.prototype.slice.call(root.querySelectorAll('input[name="' + cfg.param + '"]'));
    var layers = {};
    var year = String(cfg.year);
    var asked = new URLSearchParams(window.location.search).get(cfg.param);
    if (asked && Object.prototype.hasOwnProperty.call(cfg.years, asked)) {
      year = asked;
    }

    function entry(code) {
      return cfg.years[year][code];
    }

    function style(code, marker) {
      return {fillColor: entry(code).f, fillOpacity: 1, color: marker ? "#1b1f24" : "#5f6b76",
              weight: marker ? 2 : 0.6, opacity: 1};
    }

    function track(code, layer) {
      (layers[code] = layers[code] || []).push(layer);
      layer.options.className = "pa-prov pa-prov-" + code + (layer.feature ? "" : " pa-marker");
      layer.bindTooltip(function () { return tooltipContent(entry(code).t); },
                        {sticky: true, direction: "top", className: "pa-tooltip"});
      layer.on("click", function () { window.location.href = cfg.urls[code]; });
    }

    function paint() {
      Object.keys(layers).forEach(function (code) {
        layers[code].forEach(function (layer) { layer.setStyle(style(code, !layer.feature)); });
      });
    }

    function choose(value, remember) {
      if (!Object.prototype.hasOwnProperty.call(cfg.years, value)) {
        return;
      }
      year = value;
      radios.forEach(function (radio) { radio.checked = radio.value === year; });
      root.setAttribute("data-year", year);
      paint();
      status.textContent = cfg.summaries[year];
      if (remember && window.history && window.history.replaceState) {
        var url = new URL(window.location.href);
        url.searchParams.set(cfg.param, year);
        window.history.replaceState(null, "", url.toString());
      }
    }

    radios.forEach(function (radio) {
      radio.addEventListener("change", function () {
        if (radio.checked) {
          choose(radio.value, true);
        }
      });
    });

    if (cfg.attribution) {
      map.attributionControl.addAttribution(cfg.attribution);
    }

    // Keep the whole country in view when the box changes size (a phone turned, a window resized),
    // until the reader zooms or pans.
    var home = L.latLngBounds(cfg.bounds);
    var moved = false;
    var fitting = false;
    map.on("zoomstart movestart", function () {
      if (!fitting) {
        moved = true;
      }
    });
    map.on("resize", function () {
      if (!moved) {
        fitting = true;
        map.fitBounds(home, {animate: false, padding: [8, 8]});
        fitting = false;
      }
    });
    if (window.ResizeObserver) {
      new ResizeObserver(function () { map.invalidateSize({pan: false}); }).observe(map.getContainer());
    }
    // Marker names only where there is room for them (hidden, not removed: Leaflet places a label
    // to the left or on top by its size).
    function labelsByZoom() {
      map.getContainer().classList.toggle("pa-zoomed-out", map.getZoom() < cfg.labelZoom);
    }
    map.on("zoomend", labelsByZoom);
    labelsByZoom();

    var shapes = L.geoJSON(null, {
      style: function (feature) { return style(feature.properties.code, false); },
      onEachFeature: function (feature, layer) { track(feature.properties.code, layer); }
    });

    fetch(cfg.geometry, {credentials: "same-origin"}).then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    }).then(function (data) {
      shapes.addData(data).addTo(map);
      cfg.markers.forEach(function (m) {
        var marker = L.circleMarker([m.lat, m.lon], {radius: 7});
        track(m.code, marker);
        marker.setStyle(style(m.code, true));
        marker.addTo(map);
        var offsets = {left: [-8, 0], right: [8, 0], top: [0, -8], bottom: [0, 8]};
        L.tooltip({permanent: true, direction: m.side, offset: offsets[m.side], className: "pa-marker-label",
                   interactive: false})
          .setLatLng([m.lat, m.lon]).setContent(tooltipContent([m.label])).addTo(map);
      });
      choose(year, false);
      root.setAttribute("data-ready", "true");
    }).catch(function () {
      status.textContent = cfg.failed;
      root.setAttribute("data-ready", "failed");
    });

    choose(year, false);
  };
})();
