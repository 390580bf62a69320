/* Coverage map (paritrana_maps): colours the province shapes for the chosen year, keeps the year in
   the address (?tahun=2024 / ?year=2024) and sends a click on a province to its page. Everything it
   shows is also on the page without JavaScript: a tile map and a table for every year. */
(function () {
  "use strict";

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

    // The newer provinces: a circle at the capital and its name beside it.
    var offsets = {left: [-8, 0], right: [8, 0], top: [0, -8], bottom: [0, 8]};
    var markers = [];
    var labels = [];
    function placeMarkers() {
      cfg.markers.forEach(function (m) {
        var marker = L.circleMarker([m.lat, m.lon], {radius: 7});
        track(m.code, marker);
        marker.setStyle(style(m.code, true));
        markers.push(marker.addTo(map));
        labels.push(L.tooltip({permanent: true, direction: m.side, offset: offsets[m.side],
                               className: "pa-marker-label", interactive: false})
          .setLatLng([m.lat, m.lon]).setContent(tooltipContent([m.label])).addTo(map));
      });
    }

    // Pixels by which the names stick out of the box: [left, top, right, bottom].
    function overhang() {
      var box = map.getContainer().getBoundingClientRect();
      var out = [0, 0, 0, 0];
      labels.forEach(function (label) {
        var r = label.getElement().getBoundingClientRect();
        var sides = [box.left - r.left, box.top - r.top, r.right - box.right, r.bottom - box.bottom];
        out = out.map(function (px, n) { return Math.max(px, Math.ceil(sides[n])); });
      });
      return out;
    }

    // The whole country in view, at once (an animated zoom from folium's start view would leave the names
    // away from their markers while it ran), with room for the names at zooms that show them. It stays in
    // view when the box changes size (a phone turned, a window resized), until the reader zooms or pans.
    var home = L.latLngBounds(cfg.bounds);
    var moved = false;
    var fitting = false;
    function fitHome() {
      var pad = [8, 8, 8, 8];
      fitting = true;
      for (var tries = 0; tries < 3; tries++) {
        map.fitBounds(home, {animate: false, paddingTopLeft: [pad[0], pad[1]], paddingBottomRight: [pad[2], pad[3]]});
        var more = map.getZoom() < cfg.labelZoom ? [0, 0, 0, 0] : overhang();
        if (Math.max.apply(null, more) <= 0) {
          break;
        }
        // Padding on one side moves the view by half of it when the zoom stays.
        pad = pad.map(function (px, n) { return px + 2 * Math.max(0, more[n]); });
      }
      fitting = false;
    }
    fitHome();
    map.on("zoomstart movestart", function () {
      if (!fitting) {
        moved = true;
      }
    });
    map.on("resize", function () {
      if (!moved) {
        fitHome();
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

    // The rest in short tasks, so that the page answers input while the map is drawn: the markers and
    // their names (then the fit again, to make room for the names), then the shapes a dozen at a time.
    function later(work) {
      return new Promise(function (done) { setTimeout(function () { done(work()); }, 0); });
    }
    var placed = later(function () {
      placeMarkers();
      if (!moved) {
        fitHome();
      }
      labelsByZoom();
    });
    var geometry = fetch(cfg.geometry, {credentials: "same-origin"}).then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    });

    Promise.all([geometry, placed]).then(function (loaded) {
      var features = loaded[0].features;
      shapes.addTo(map);
      function addFrom(start) {
        shapes.addData({type: "FeatureCollection", features: features.slice(start, start + 12)});
        return start + 12 < features.length ? later(function () { return addFrom(start + 12); }) : null;
      }
      return addFrom(0);
    }).then(function () {
      // The circles lie inside the shapes of the provinces they were formed from: keep them on top.
      markers.forEach(function (marker) { marker.bringToFront(); });
      choose(year, false);
      root.setAttribute("data-ready", "true");
    }).catch(function () {
      status.textContent = cfg.failed;
      root.setAttribute("data-ready", "failed");
    });

    choose(year, false);
  };
})();
