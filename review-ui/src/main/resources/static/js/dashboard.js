// The safety lead's dashboard: draws each measure's run chart (points, median, protocol changes) and its u- or
// p-chart (centre line and 3-sigma limits per protocol segment) with Chart.js from /dashboard/data, and lists the
// events behind a point when it is selected. Periods still in review are hollow grey points labelled "in review:
// k of n"; points outside the limits are orange (concern) or blue (improvement). The page's tables carry the same
// figures without script. No inline script: the CSP forbids it.
(function () {
  "use strict";
  var main = document.querySelector("main.dashboard");
  if (!main || typeof Chart === "undefined") {
    return;
  }
  var recordBase = main.getAttribute("data-record-base") || "/reviews/";
  var INK = "#1a1a1a";
  var POINT = "#1a1a1a";
  var MEDIAN = "#17602b";
  var LIMIT = "#8a1111";
  var PROTOCOL = "#4a4a4a";
  var PROVISIONAL = "#8a8a8a"; // hollow points in review: 3.4:1 on white, enough for a shape, not for text
  var PROVISIONAL_TEXT = "#6b6b6b"; // their state written beside them: 5.3:1 on white
  var IMPROVE = "#005eb8";
  var CONCERN = "#b24a00";

  Chart.defaults.animation = false;
  Chart.defaults.color = INK;
  Chart.defaults.font.size = 13;

  // vertical dashed line and label at each period whose sampling protocol differs from the one before
  var protocolChanges = {
    id: "protocolChanges",
    afterDatasetsDraw: function (chart, args, options) {
      var changes = options.changes || [];
      var x = chart.scales.x;
      var area = chart.chartArea;
      var ctx = chart.ctx;
      changes.forEach(function (change) {
        var at = x.getPixelForValue(change.index);
        ctx.save();
        ctx.strokeStyle = PROTOCOL;
        ctx.lineWidth = 1.5;
        ctx.setLineDash([6, 4]);
        ctx.beginPath();
        ctx.moveTo(at, area.top);
        ctx.lineTo(at, area.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = PROTOCOL;
        ctx.font = "12px system-ui, sans-serif";
        // to the right of the line, or to its left where the label would leave the chart
        var fits = at + 4 + ctx.measureText("protocol change").width <= area.right;
        ctx.textAlign = fits ? "left" : "right";
        ctx.fillText("protocol change", fits ? at + 4 : at - 4, area.top + 12);
        ctx.restore();
      });
    }
  };

  // "in review: k of n" above each point whose period is still in review
  var inReview = {
    id: "inReview",
    afterDatasetsDraw: function (chart, args, options) {
      var series = options.series;
      if (!series) {
        return;
      }
      var meta = chart.getDatasetMeta(0);
      var ctx = chart.ctx;
      series.points.forEach(function (point, i) {
        if (point.counted) {
          return;
        }
        var element = meta.data[i];
        var x = chart.scales.x.getPixelForValue(i);
        // a period with no signed record has no point yet: its state is written at the foot of the chart
        var y = point.value === null || !element
          ? chart.chartArea.bottom - 6
          : Math.max(chart.chartArea.top + 10, element.y - 10);
        ctx.save();
        ctx.fillStyle = PROVISIONAL_TEXT;
        ctx.font = "11px system-ui, sans-serif";
        ctx.textAlign = x + 50 > chart.chartArea.right ? "right" : "center";
        ctx.fillText(point.state.replace(" signed", ""), x, y);
        ctx.restore();
      });
    }
  };

  // per point: hollow grey while in review; orange or blue outside the limits; dark otherwise
  function pointColours(series, withLimits) {
    var lowerIsBetter = series.improvement === "lower is better";
    return series.points.map(function (p) {
      if (!p.counted) {
        return PROVISIONAL;
      }
      if (withLimits && p.outside) {
        var above = p.value > p.upper;
        return above === lowerIsBetter ? CONCERN : IMPROVE;
      }
      return POINT;
    });
  }

  function fills(series, colours) {
    return series.points.map(function (p, i) { return p.counted ? colours[i] : "#ffffff"; });
  }

  function values(series, field) {
    return series.points.map(function (p) { return p[field]; });
  }

  function constant(value, n) {
    var line = [];
    for (var i = 0; i < n; i++) {
      line.push(value);
    }
    return line;
  }

  function showEvents(series, index) {
    var panel = document.getElementById(series.code + "-drilldown");
    var point = series.points[index];
    if (!panel || !point) {
      return;
    }
    panel.textContent = "";
    var heading = document.createElement("p");
    var strong = document.createElement("strong");
    strong.textContent = "Events behind " + point.period + " (" + series.title + ")";
    heading.appendChild(strong);
    panel.appendChild(heading);
    if (series.eventsNote) {
      var note = document.createElement("p");
      note.textContent = series.eventsNote;
      panel.appendChild(note);
      return;
    }
    if (point.events.length === 0) {
      var none = document.createElement("p");
      none.textContent = "No confirmed events counted in this period.";
      panel.appendChild(none);
      return;
    }
    var list = document.createElement("ul");
    point.events.forEach(function (event) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = recordBase + encodeURIComponent(event.reviewId);
      link.textContent = event.line;
      item.appendChild(link);
      list.appendChild(item);
    });
    panel.appendChild(list);
  }

  function onPoint(series) {
    return function (event, elements) {
      if (elements && elements.length > 0) {
        showEvents(series, elements[0].index);
      }
    };
  }

  function baseOptions(series, changes, yTitle) {
    return {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: "nearest", intersect: true },
      onClick: onPoint(series),
      layout: { padding: { top: 16 } },
      scales: {
        x: { ticks: { autoSkip: true, maxRotation: 60 } },
        y: { beginAtZero: true, title: { display: true, text: yTitle } }
      },
      plugins: {
        legend: { position: "bottom" },
        protocolChanges: { changes: changes },
        inReview: { series: series }
      }
    };
  }

  function runChart(canvas, data, series) {
    var n = data.periods.length;
    var colours = pointColours(series, false);
    return lineChart(canvas, data, series, "rate", [
      valuesDataset(series, colours),
      referenceLine("median", constant(series.median, n), MEDIAN, 2, {})
    ]);
  }

  // the measure's own points, coloured by their signal, with a gap where a month has no value
  function valuesDataset(series, colours) {
    return {
      label: series.title,
      data: values(series, "value"),
      borderColor: POINT,
      backgroundColor: fills(series, colours),
      pointBorderColor: colours,
      pointBorderWidth: 2,
      borderWidth: 1.5,
      pointRadius: 4,
      pointHoverRadius: 6,
      spanGaps: false
    };
  }

  function labels(data) {
    return data.periods.map(function (p) { return p.period; });
  }

  function controlChart(canvas, data, series) {
    var colours = pointColours(series, true);
    return lineChart(canvas, data, series, series.controlChart + "-chart", [
      valuesDataset(series, colours),
      referenceLine("centre line", values(series, "centre"), MEDIAN, 2, { stepped: "middle" }),
      referenceLine("upper limit", values(series, "upper"), LIMIT, 1.5, { borderDash: [4, 3], stepped: "middle" }),
      referenceLine("lower limit", values(series, "lower"), LIMIT, 1.5, { borderDash: [4, 3], stepped: "middle" })
    ]);
  }

  // a line drawn for reference (median, centre line, control limits): no points of its own to hover or click
  function referenceLine(label, data, colour, width, style) {
    var dataset = {
      label: label,
      data: data,
      borderColor: colour,
      backgroundColor: colour,
      borderWidth: width,
      pointRadius: 0,
      pointHitRadius: 0
    };
    Object.keys(style).forEach(function (key) { dataset[key] = style[key]; });
    return dataset;
  }

  function lineChart(canvas, data, series, kind, datasets) {
    return new Chart(canvas, {
      type: "line",
      data: { labels: labels(data), datasets: datasets },
      options: baseOptions(series, data.protocolChanges, kind),
      plugins: [protocolChanges, inReview]
    });
  }

  fetch(main.getAttribute("data-source"), {
    credentials: "same-origin",
    headers: { Accept: "application/json" }
  })
    .then(function (response) {
      if (!response.ok) {
        throw new Error("dashboard data: HTTP " + response.status);
      }
      return response.json();
    })
    .then(function (data) {
      data.series.forEach(function (series) {
        var run = document.getElementById(series.code + "-run");
        var control = document.getElementById(series.code + "-control");
        if (run) {
          runChart(run, data, series);
        }
        var anyCentre = series.points.some(function (p) { return p.centre !== null; });
        if (control && anyCentre) {
          controlChart(control, data, series);
        }
      });
      main.setAttribute("data-charts", "drawn");
    })
    .catch(function () {
      main.setAttribute("data-charts", "failed");
    });
})();
