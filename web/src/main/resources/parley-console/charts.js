'use strict';
(() => {
  const { api, el, showError, nav, day, auditTrail } = Parley;
  const DAY = 24 * 3600 * 1000;
  const select = document.getElementById('incident');
  let timeline = [];
  let status = null;
  const casualtiesChart = echarts.init(document.getElementById('casualties'));
  const eventsChart = echarts.init(document.getElementById('events-per-day'));

  function days(from, to) {
    const all = [];
    for (let t = Date.parse(from + 'T00:00:00Z'); t <= Date.parse(to + 'T00:00:00Z'); t += DAY) {
      all.push(new Date(t).toISOString().substring(0, 10));
    }
    return all;
  }

  /** Shaded ceasefire periods (from each effectiveFrom to the end) and a line on each day with a violation. */
  function marks(ceasefires, violations, lastDay) {
    return {
      markArea: { silent: true, itemStyle: { color: 'rgba(31, 95, 168, 0.10)' },
                  data: ceasefires.map(from => [{ name: 'ceasefire', xAxis: from }, { xAxis: lastDay }]) },
      markLine: { silent: true, symbol: 'none', lineStyle: { color: '#b3261e', type: 'dashed' },
                  label: { formatter: 'violation' }, data: violations.map(when => ({ xAxis: when })) }
    };
  }

  function ceasefireDays(incidentOrNull) {
    if (incidentOrNull) return incidentOrNull.ceasefireEffectiveFrom ? [day(incidentOrNull.ceasefireEffectiveFrom)] : [];
    return [...new Set([...status.negotiations.map(n => n.ceasefireEffectiveFrom),
                        ...status.incidents.map(i => i.ceasefireEffectiveFrom)].filter(Boolean).map(day))];
  }

  function violationDays(incidentId) {
    return timeline.filter(entry => entry.eventType === 'CeasefireViolated'
                                    && (!incidentId || entry.aggregateId === incidentId))
                   .map(entry => day(entry.occurredAt));
  }

  async function drawCasualties(incidentId) {
    const incident = status.incidents.find(i => i.id === incidentId);
    const reports = (await auditTrail(incidentId)).filter(entry => entry.eventType === 'CasualtiesRecorded')
        .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.position - b.position);
    const first = day(timeline.find(e => e.aggregateId === incidentId)?.occurredAt || reports[0]?.occurredAt || '');
    const last = day(timeline[timeline.length - 1].occurredAt);
    const axis = days(first || last, last);
    const sides = [...new Set(reports.map(report => report.payload.side))];
    const series = sides.map((side, index) => {
      let killed = 0;
      const byDay = new Map();
      reports.filter(report => report.payload.side === side).forEach(report => {
        killed += report.payload.killed;
        byDay.set(day(report.occurredAt), killed);
      });
      let running = 0;
      const data = axis.map(d => (running = byDay.has(d) ? byDay.get(d) : running));
      return Object.assign({ name: side + ' killed', type: 'line', step: 'end', data },
                           index === 0 ? marks(ceasefireDays(incident), violationDays(incidentId), last) : {});
    });
    casualtiesChart.setOption({
      animation: false, tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 50, right: 30 },
      xAxis: { type: 'category', data: axis }, yAxis: { type: 'value', name: 'killed (cumulative)' }, series
    }, true);
  }

  function drawEventsPerDay() {
    const first = day(timeline[0].occurredAt);
    const last = day(timeline[timeline.length - 1].occurredAt);
    const axis = days(first, last);
    const counts = new Map();
    timeline.forEach(entry => counts.set(day(entry.occurredAt), (counts.get(day(entry.occurredAt)) || 0) + 1));
    eventsChart.setOption({
      animation: false, tooltip: { trigger: 'axis' }, grid: { left: 50, right: 30 },
      xAxis: { type: 'category', data: axis }, yAxis: { type: 'value', name: 'events', minInterval: 1 },
      series: [Object.assign({ name: 'events', type: 'bar', data: axis.map(d => counts.get(d) || 0) },
                             marks(ceasefireDays(null), violationDays(null), last))]
    }, true);
  }

  async function start() {
    nav('charts.html');
    try {
      [timeline, status] = await Promise.all([api('/api/timeline'), api('/api/status')]);
      if (!timeline.length) {
        showError(new Error('Nothing recorded yet.'));
        return;
      }
      status.incidents.forEach(incident => select.append(el('option', { value: incident.id, text: incident.id })));
      const counted = status.incidents.find(incident => Object.keys(incident.casualties).length);
      if (counted) select.value = counted.id;
      drawEventsPerDay();
      if (status.incidents.length) await drawCasualties(select.value);
      select.addEventListener('change', () => drawCasualties(select.value).catch(showError));
      window.addEventListener('resize', () => { casualtiesChart.resize(); eventsChart.resize(); });
    } catch (error) {
      showError(error);
    }
  }

  start();
})();
