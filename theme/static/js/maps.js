/* Coverage map (paritrana_maps): colours the province shapes for the chosen basis and year (one basis
   at a time: figures counted on different bases do not compare), keeps both in the address
   (?dasar=ucj&tahun=2025 / ?basis=ucj&year=2025) and sends a click on a province to its page.
   Everything it shows is also on the page without JavaScript: a table for every basis and year.

   The only script the page runs as it loads: once the page's content has been painted and the map box
   is near the screen, it adds Leaflet and the page's map script (folium's code, which calls
   ParitranaMap); the map is then built in short tasks, so that the page answers input all the while. */
(function () {
  "use strict";

  // `work` in a task of its own (after whatever the browser has queued: input, a frame).
  function later(work) {
    return new Promise(function (done) { setTimeout(function () { done(work()); }, 0); });
  }

  // Work at most this long (ms) in one task while the shapes are added (a phone's CPU is several
  // times slower than a laptop's: tasks stay short there too).
  var SLICE = 8;

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
    var basisRadios = Array.prototype.slice.call(root.querySelectorAll('input[name="' + cfg.basisParam + '"]'));
    var layers = {};
    var has = function (object, key) { return Object.prototype.hasOwnProperty.call(object, key); };
    // One basis at a time (figures counted on different bases do not compare), then one of its years.
    var basis = cfg.basis;
    var query = new URLSearchParams(window.location.search);
    var askedBasis = query.get(cfg.basisParam);
    if (askedBasis && has(cfg.views, askedBasis)) {
      basis = askedBasis;
    }
    var year = cfg.views[basis].year;
    var asked = query.get(cfg.param);
    if (asked && has(cfg.views[basis].years, asked)) {
      year = asked;
    }

    function entry(code) {
      return cfg.views[basis].years[year][code];
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

    // Only what changes is written: the page is not laid out again for nothing.
    function set(element, name, value) {
      if (element[name] !== value) {
        element[name] = value;
      }
    }

    function choose(newBasis, value, remember) {
      if (!has(cfg.views, newBasis)) {
        return;
      }
      var years = cfg.views[newBasis].years;
      basis = newBasis;
      year = has(years, value) ? value : cfg.views[basis].year;
      basisRadios.forEach(function (radio) { set(radio, "checked", radio.value === basis); });
      // The years of this basis only: the others are hidden and cannot be chosen.
      radios.forEach(function (radio) {
        var offered = has(years, radio.value);
        set(radio, "disabled", !offered);
        set(radio.parentNode, "hidden", !offered);
        set(radio, "checked", radio.value === year);
      });
      if (root.getAttribute("data-year") !== year) {
        root.setAttribute("data-year", year);
      }
      if (root.getAttribute("data-basis") !== basis) {
        root.setAttribute("data-basis", basis);
      }
      paint();
      if (status.textContent !== cfg.views[basis].summaries[year]) {
        status.textContent = cfg.views[basis].summaries[year];
      }
      if (remember && window.history && window.history.replaceState) {
        var url = new URL(window.location.href);
        url.searchParams.set(cfg.basisParam, basis);
        url.searchParams.set(cfg.param, year);
        window.history.replaceState(null, "", url.toString());
      }
    }

    basisRadios.forEach(function (radio) {
      radio.addEventListener("change", function () {
        if (radio.checked) {
          choose(radio.value, year, true);
        }
      });
    });
    radios.forEach(function (radio) {
      radio.addEventListener("change", function () {
        if (radio.checked) {
          choose(basis, radio.value, true);
        }
      });
    });

    // The newer provinces: a circle at the capital and its name beside it.
    var offsets = {left: [-8, 0], right: [8, 0], top: [0, -8], bottom: [0, 8]};
    var labels = [];
    function placeMarker(m) {
      var marker = L.circleMarker([m.lat, m.lon], {radius: 7});
      track(m.code, marker);
      marker.setStyle(style(m.code, true));
      marker.addTo(map);
    }
    function placeLabel(m) {
      labels.push(L.tooltip({permanent: true, direction: m.side, offset: offsets[m.side],
                             className: "pa-marker-label", interactive: false})
        .setLatLng([m.lat, m.lon]).setContent(tooltipContent([m.label])).addTo(map));
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
    // Marker names only where there is room for them (hidden, not removed: Leaflet places a label
    // to the left or on top by its size).
    function labelsByZoom() {
      map.getContainer().classList.toggle("pa-zoomed-out", map.getZoom() < cfg.labelZoom);
    }

    var shapes = L.geoJSON(null, {
      style: function (feature) { return style(feature.properties.code, false); },
      onEachFeature: function (feature, layer) { track(feature.properties.code, layer); }
    });

    // Added one after another until the slice of time is used up, then the rest in a later task.
    function addFrom(features, start) {
      var began = window.performance.now();
      var next = start;
      do {
        shapes.addData(features[next]);
        next += 1;
      } while (next < features.length && window.performance.now() - began < SLICE);
      return next < features.length ? later(function () { return addFrom(features, next); }) : null;
    }

    var geometry = fetch(cfg.geometry, {credentials: "same-origin"}).then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.json();
    });

    // Each step in a task of its own: the view fitted to the country; the shapes, a slice at a time, out of
    // sight (in a box that is not displayed, so that nothing is laid out until all are in); each marker,
    // on top of them, then its name; the fit again, to make room for the names.
    var container = map.getContainer();
    var placed = later(function () {
      if (cfg.attribution) {
        map.attributionControl.addAttribution(cfg.attribution);
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
      map.on("zoomend", labelsByZoom);
      labelsByZoom();
    });

    Promise.all([geometry, placed]).then(function (loaded) {
      container.classList.add("pa-drawing");
      shapes.addTo(map);
      return later(function () { return addFrom(loaded[0].features, 0); });
    }).then(function () {
      container.classList.remove("pa-drawing");
      // The circles lie inside the shapes of the provinces they were formed from: added after them, on top.
      var steps = Promise.resolve();
      cfg.markers.forEach(function (m) {
        steps = steps.then(function () { return later(function () { placeMarker(m); }); })
          .then(function () { return later(function () { placeLabel(m); }); });
      });
      return steps;
    }).then(function () {
      return later(function () {
        if (!moved) {
          fitHome();
        }
        labelsByZoom();
        root.setAttribute("data-ready", "true");
      });
    }).catch(function () {
      container.classList.remove("pa-drawing");
      status.textContent = cfg.failed;
      root.setAttribute("data-ready", "failed");
    });

    choose(basis, year, false);
  };

  // Leaflet and the map script, in this order (async = false keeps the order of added scripts).
  function addScripts(urls) {
    urls.forEach(function (src) {
      var script = document.createElement("script");
      script.src = src;
      script.async = false;
      document.head.appendChild(script);
    });
  }

  // Once the browser has painted the page's content (its first contentful paint; where that is not
  // reported, after the next frame).
  function whenPainted(then) {
    var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
    if (!types || types.indexOf("paint") < 0) {
      window.requestAnimationFrame(function () { setTimeout(then, 0); });
      return;
    }
    var painted = new PerformanceObserver(function (list) {
      if (list.getEntriesByName("first-contentful-paint").length) {
        painted.disconnect();
        setTimeout(then, 0);
      }
    });
    painted.observe({type: "paint", buffered: true});
  }

  // Once the map box is within half a screen of the window.
  function whenNear(box, then) {
    if (!window.IntersectionObserver) {
      setTimeout(then, 0);
      return;
    }
    var watch = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) {
        watch.disconnect();
        then();
      }
    }, {rootMargin: "50% 0px"});
    watch.observe(box);
  }

  var section = document.querySelector("[data-map-scripts]");
  if (section) {
    whenPainted(function () {
      whenNear(section.querySelector(".pa-map") || section, function () {
        addScripts(section.getAttribute("data-map-scripts").split(" ").filter(Boolean));
      });
    });
  }
})();

/* Known awards per province (paritrana_maps/awardsmap.py): the SVG is drawn at build time for all
   editions; choosing an edition recolours each province from its data-n counts and renames it, and
   the status line reads that edition's summary. Without JavaScript the table gives every edition. */
(function () {
  "use strict";
  var section = document.getElementById("peta-penghargaan");
  var svg = section && section.querySelector("svg.pa-awards");
  if (!svg) {
    return;
  }
  var fills = svg.getAttribute("data-fills").split(" ");
  var breaks = svg.getAttribute("data-breaks").split(" ").map(Number);
  var names = {edition: section.getAttribute("data-edition").split(" | "),
               all: section.getAttribute("data-all").split(" | ")};
  var status = document.getElementById("peta-penghargaan-status");

  function count(path, view) {
    if (view === "all") {
      return Number(path.getAttribute("data-all"));
    }
    var found = 0;
    path.getAttribute("data-n").split(" ").forEach(function (pair) {
      var parts = pair.split(":");
      if (parts[0] === view) {
        found = Number(parts[1]);
      }
    });
    return found;
  }

  function show(view) {
    Array.prototype.forEach.call(svg.querySelectorAll("path.pa-award"), function (path) {
      var n = count(path, view);
      path.setAttribute("fill", fills[breaks.filter(function (b) { return n >= b; }).length]);
      var title = path.parentNode.querySelector("title");
      var template = names[view === "all" ? "all" : "edition"][n === 1 ? 0 : 1];
      title.textContent = template.replace("%(name)s", title.getAttribute("data-name"))
        .replace("%(num)s", String(n)).replace("%(edition)s", view);
    });
  }

  Array.prototype.forEach.call(section.querySelectorAll("input[name=pa-edisi]"), function (radio) {
    radio.addEventListener("change", function () {
      if (radio.checked) {
        show(radio.value);
        status.textContent = radio.getAttribute("data-summary");
      }
    });
  });
})();
