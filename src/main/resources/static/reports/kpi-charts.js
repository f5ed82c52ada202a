// Draws the KPI trend chart of a contract's KPI page from the figures the page carries as data.
(function () {
  'use strict';
  var holder = document.getElementById('kpi-trend');
  var data = document.getElementById('kpi-trend-data');
  if (!holder || !data || typeof echarts === 'undefined') {
    return;
  }
  var figures = JSON.parse(data.textContent);
  var names = Object.keys(figures.series || {});
  var chart = echarts.init(holder, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { type: 'scroll', bottom: 0, data: names },
    grid: { left: 48, right: 24, top: 24, bottom: 72 },
    xAxis: { type: 'category', data: figures.quarters },
    yAxis: { type: 'value' },
    series: names.map(function (name) {
      return {
        name: name,
        type: 'line',
        connectNulls: false,
        // A measured series is dashed, so it reads as the check beside the provider's line.
        lineStyle: { type: /\(measured\)$/.test(name) ? 'dashed' : 'solid' },
        data: figures.series[name]
      };
    })
  });
  window.addEventListener('resize', function () { chart.resize(); });
})();
