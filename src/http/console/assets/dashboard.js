// Store-health charts: the figures come from /console/api/dashboard (the same queries as the
// daily digest and /metrics); Chart.js is served from this origin.
/* global Chart */
const root = document.getElementById('dashboard');
const palette = ['#2563eb', '#0ea5e9', '#15803d', '#ca8a04', '#b91c1c', '#9333ea', '#0d9488', '#4b5563'];

function draw(data) {
  const { dashboard: d, labels } = data;
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;

  // Every day of the period, quiet ones included (UTC days, as the figures are counted).
  const days = [];
  for (let i = d.days - 1; i >= 0; i--) {
    days.push(new Date(Date.parse(d.to) - i * 86_400_000).toISOString().slice(0, 10));
  }
  const messages = new Map(d.messagesByDay.map((m) => [m.day, m.messages]));
  const response = new Map(d.firstResponse.byDay.map((r) => [r.day, r.median]));
  new Chart(document.getElementById('chart-volume'), {
    data: {
      labels: days,
      datasets: [
        {
          type: 'bar',
          label: labels.messages,
          data: days.map((x) => messages.get(x) ?? 0),
          backgroundColor: '#93c5fd',
          yAxisID: 'y',
        },
        {
          type: 'line',
          label: labels.firstResponse,
          data: days.map((x) => response.get(x) ?? null),
          borderColor: '#ca8a04',
          backgroundColor: '#ca8a04',
          spanGaps: true,
          yAxisID: 'minutes',
        },
      ],
    },
    options: {
      scales: {
        y: { beginAtZero: true, ticks: { precision: 0 } },
        minutes: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } },
      },
    },
  });

  const stages = Object.keys(labels.funnel);
  const stageValue = {
    received: d.funnel.received,
    drafted: d.funnel.drafted,
    approved: d.funnel.approved,
    edited: d.funnel.edited,
    rejected: d.funnel.rejected,
    escalated: d.funnel.escalated,
    auto_sent: d.funnel.autoSent,
    delivered: d.funnel.delivered,
  };
  new Chart(document.getElementById('chart-funnel'), {
    type: 'bar',
    data: {
      labels: stages.map((s) => labels.funnel[s]),
      datasets: [
        {
          data: stages.map((s) => stageValue[s]),
          backgroundColor: stages.map((_, i) => palette[i % palette.length]),
        },
      ],
    },
    options: {
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  });

  const findings = document.getElementById('chart-findings');
  if (findings) {
    new Chart(findings, {
      type: 'bar',
      data: {
        labels: d.listingFindings.byKind.map((k) => labels.kinds[k.kind] ?? k.kind),
        datasets: [{ data: d.listingFindings.byKind.map((k) => k.findings), backgroundColor: '#f59e0b' }],
      },
      options: {
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
  }
  root.dataset.drawn = 'true';
}

if (root && typeof Chart === 'function') {
  fetch(root.dataset.src, { headers: { accept: 'application/json' }, cache: 'no-store' })
    .then((response) => (response.ok ? response.json() : Promise.reject(new Error(String(response.status)))))
    .then(draw)
    .catch(() => {
      root.dataset.drawn = 'failed';
    });
}
