// deallang report: draws the report's charts and tables from its data (HtmlPage.cs inlines this file after ECharts).
// The data, <script id="report-data">, is ReportJson.cs's: { deal, title, currency, subtitle, sections: [{ id, title,
// note, charts: [{ id, title, kind, unit, axisUnit, categoryLabel, note, categories, points?, series: [{ name, values }],
// marks: [{ name, value }] }] }] }. Every number drawn is in the table under its chart. Money is shown in millions.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var main = document.getElementById('report');
  var font = '"DejaVu Sans", "Liberation Sans", Arial, sans-serif';
  var instances = [];

  function grouped(text) { return text.replace(/\B(?=(\d{3})+(?!\d))/g, ','); }

  function fixed(v, digits) {
    var text = Math.abs(v).toFixed(digits);
    var parts = text.split('.');
    var signed = (v < 0 && Number(text) !== 0 ? '-' : '') + grouped(parts[0]);
    return parts.length > 1 ? signed + '.' + parts[1] : signed;
  }

  // A value as the reports print it: money in millions with one decimal, ratios as 1.23x, rates as 6.58%, n/a.
  function format(unit, v) {
    if (v === null || v === undefined) { return 'n/a'; }
    switch (unit) {
      case 'money': return fixed(v / 1e6, 1);
      case 'ratio': return fixed(v, 2) + 'x';
      case 'rate': return fixed(v * 100, 2) + '%';
      case 'paths': return fixed(v, 0);
      default: return fixed(v, 2);
    }
  }

  function axisLabel(unit) {
    return function (v) {
      switch (unit) {
        case 'money': return fixed(v / 1e6, Math.abs(v) >= 1e8 || v === 0 ? 0 : 1);
        case 'ratio': return fixed(v, 2) + 'x';
        case 'rate': return fixed(v * 100, 1) + '%';
        default: return fixed(v, Math.abs(v) >= 100 || Number.isInteger(v) ? 0 : 2);
      }
    };
  }

  function unitName(unit) {
    switch (unit) {
      case 'money': return data.currency + ' m';
      case 'paths': return 'paths';
      default: return '';
    }
  }

  function markLine(chart, axis) {
    return {
      silent: true,
      symbol: 'none',
      lineStyle: { type: 'dashed', color: '#c0392b', width: 1.5 },
      // Along the line, so the labels of nearby marks (VaR 99% and 99.9%) do not run into each other.
      label: { formatter: function (p) { return p.name + ' ' + format(axis === 'x' ? chart.axisUnit : chart.unit, p.value); }, position: 'insideEndTop', fontSize: 11 },
      data: chart.marks.filter(function (m) { return m.value !== null; }).map(function (m) {
        return axis === 'x' ? { name: m.name, xAxis: m.value } : { name: m.name, yAxis: m.value };
      })
    };
  }

  function option(chart) {
    var base = {
      animation: false,
      textStyle: { fontFamily: font },
      grid: { left: 16, right: 24, top: 48, bottom: 8, containLabel: true },
      legend: { type: 'scroll', top: 0, textStyle: { fontFamily: font } },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return format(chart.unit, v); } },
      yAxis: { type: 'value', name: unitName(chart.unit), scale: chart.unit === 'ratio', axisLabel: { formatter: axisLabel(chart.unit) } }
    };
    var category = { type: 'category', data: chart.categories, name: '', axisLabel: { hideOverlap: true } };
    switch (chart.kind) {
      case 'stacked-bars':
      case 'grouped-bars':
        base.xAxis = category;
        base.series = chart.series.map(function (s) {
          return { type: 'bar', name: s.name, data: s.values, stack: chart.kind === 'stacked-bars' ? 'total' : undefined, barMaxWidth: 48 };
        });
        return base;
      case 'lines':
        base.xAxis = category;
        base.series = chart.series.map(function (s, i) {
          var line = { type: 'line', name: s.name, data: s.values, showSymbol: chart.categories.length <= 12, connectNulls: false };
          if (i === 0 && chart.marks.length > 0) { line.markLine = markLine(chart, 'y'); }
          return line;
        });
        // The axis reaches a trigger level beyond the values (a margin of a tenth of the span past it), so a level far
        // from the values still shows; a level among them leaves the axis as the values make it.
        var drawn = [].concat.apply([], chart.series.map(function (s) { return s.values; })).filter(function (v) { return v !== null; });
        var levels = chart.marks.map(function (m) { return m.value; }).filter(function (v) { return v !== null; });
        if (drawn.length > 0 && levels.length > 0) {
          var low = Math.min.apply(null, drawn), high = Math.max.apply(null, drawn);
          var lowest = Math.min.apply(null, levels), highest = Math.max.apply(null, levels);
          var margin = (Math.max(high, highest) - Math.min(low, lowest)) / 10;
          // Rounded out to a power of ten at least the margin, so the axis ends on a round label (1.0x, not 1.03x).
          var step = Math.pow(10, Math.ceil(Math.log10(margin)));
          if (lowest < low) { base.yAxis.min = Math.floor((lowest - margin) / step) * step; }
          if (highest > high) { base.yAxis.max = Math.ceil((highest + margin) / step) * step; }
        }
        return base;
      case 'histogram':
        base.tooltip = { trigger: 'axis', formatter: function (ps) { return format(chart.axisUnit, ps[0].value[0]) + ': ' + format('paths', ps[0].value[1]) + ' paths'; } };
        base.legend = { show: false };
        base.grid.bottom = 28;
        base.xAxis = { type: 'value', name: unitName(chart.axisUnit), nameLocation: 'middle', nameGap: 24, axisLabel: { formatter: axisLabel(chart.axisUnit) } };
        base.series = [{
          type: 'bar', name: chart.series[0].name, barWidth: '85%',
          data: chart.points.map(function (p, i) { return [p, chart.series[0].values[i]]; }),
          markLine: markLine(chart, 'x')
        }];
        return base;
      case 'fan': {
        // Bands stacked from the 5th percentile: an invisible base, then 5–25, 25–75, 75–95; the median on top.
        var p = chart.series.map(function (s) { return s.values; });
        function diff(hi, lo) { return hi.map(function (v, i) { return v === null || lo[i] === null ? null : v - lo[i]; }); }
        var band = function (name, values, opacity) {
          return { type: 'line', name: name, data: values, stack: 'fan', symbol: 'none', lineStyle: { opacity: 0 }, areaStyle: { color: '#2f6db5', opacity: opacity }, itemStyle: { color: 'rgba(47, 109, 181, ' + opacity + ')' }, tooltip: { show: false } };
        };
        base.legend = { top: 0, data: ['5th–95th', '25th–75th', 'median'] };
        base.tooltip = {
          trigger: 'axis', formatter: function (ps) {
            var i = ps[0].dataIndex;
            return chart.categories[i] + '<br>' + chart.series.map(function (s) { return s.name + ' ' + format(chart.unit, s.values[i]); }).join('<br>');
          }
        };
        base.xAxis = category;
        base.yAxis.scale = true;
        base.series = [
          { type: 'line', name: 'base', data: p[0], stack: 'fan', symbol: 'none', lineStyle: { opacity: 0 } },
          band('5th–95th', diff(p[1], p[0]), 0.18),
          band('25th–75th', diff(p[3], p[1]), 0.38),
          band('5th–95th', diff(p[4], p[3]), 0.18),
          { type: 'line', name: 'median', data: p[2], symbol: 'none', lineStyle: { color: '#1b3f6e', width: 2 }, itemStyle: { color: '#1b3f6e' } }
        ];
        return base;
      }
    }
    throw new Error('unknown chart kind ' + chart.kind);
  }

  function element(tag, className, text) {
    var e = document.createElement(tag);
    if (className) { e.className = className; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }

  // The table under a chart: a row per category (period, scenario, loss bin), a column per series.
  function table(chart) {
    var box = element('div', 'table-box');
    var t = element('table');
    var head = element('thead');
    var row = element('tr');
    row.appendChild(element('th', null, chart.kind === 'histogram' ? chart.categoryLabel + ' (' + unitName(chart.axisUnit) + ')' : chart.categoryLabel));
    chart.series.forEach(function (s) { row.appendChild(element('th', null, s.name + (unitName(chart.unit) ? ' (' + unitName(chart.unit) + ')' : ''))); });
    head.appendChild(row);
    t.appendChild(head);
    var body = element('tbody');
    chart.categories.forEach(function (c, i) {
      var r = element('tr');
      r.appendChild(element('td', null, chart.kind === 'histogram' ? format(chart.axisUnit, chart.points[i]) : c));
      chart.series.forEach(function (s) { r.appendChild(element('td', null, format(chart.unit, s.values[i]))); });
      body.appendChild(r);
    });
    t.appendChild(body);
    box.appendChild(t);
    return box;
  }

  var nav = element('nav');
  nav.appendChild(element('strong', null, 'Contents'));
  var list = element('ul');
  nav.appendChild(list);
  main.appendChild(nav);

  data.sections.forEach(function (section) {
    var s = element('section');
    s.id = section.id;
    s.appendChild(element('h2', null, section.title));
    if (section.note) { s.appendChild(element('p', 'note', section.note)); }
    var item = element('li');
    var link = element('a', null, section.title);
    link.href = '#' + section.id;
    item.appendChild(link);
    list.appendChild(item);
    section.charts.forEach(function (chart) {
      var figure = element('div', 'figure');
      figure.appendChild(element('h3', null, chart.title));
      var notes = [];
      if (chart.note) { notes.push(chart.note); }
      if (chart.marks.length > 0) {
        notes.push((chart.kind === 'histogram' ? 'marked: ' : 'levels: ') + chart.marks.map(function (m) {
          return m.name + ' ' + format(chart.kind === 'histogram' ? chart.axisUnit : chart.unit, m.value);
        }).join(', '));
      }
      if (notes.length > 0) { figure.appendChild(element('p', 'note', notes.join('; '))); }
      if (chart.series.length === 0) {
        figure.appendChild(element('p', 'empty', 'nothing to draw: every value is 0 in this scenario'));
        s.appendChild(figure);
        return;
      }
      var box = element('div', 'chart');
      box.id = chart.id;
      box.setAttribute('data-kind', chart.kind);
      figure.appendChild(box);
      figure.appendChild(table(chart));
      s.appendChild(figure);
      // Drawn once the element is in the page, so it has its size.
      instances.push({ box: box, chart: chart });
    });
    main.appendChild(s);
  });

  instances.forEach(function (x) {
    var chart = echarts.init(x.box, null, { renderer: 'canvas' });
    chart.setOption(option(x.chart));
    x.instance = chart;
  });

  function resize() { instances.forEach(function (x) { x.instance.resize(); }); }
  window.addEventListener('resize', resize);
  window.addEventListener('beforeprint', resize);
  window.addEventListener('afterprint', resize);
  document.body.setAttribute('data-charts', String(instances.length));
  document.body.setAttribute('data-ready', 'true');
}());
