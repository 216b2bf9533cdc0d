// The charts over time: success rate, p95 latency and uploads per path, with stage changes marked,
// over a range the operator picks (until then the shortest one that holds the current stage).

import {$} from './dom.js';
import * as fmt from './format.js';
import {barChart, lineChart, niceStep} from './charts.js';

const COLOURS = {async: '#4f46e5', sync: '#94a3b8', fallback: '#f59e0b'};

function stageMarkers(events) {
    return events
        .filter(e => e.fromStage !== e.toStage || e.fromPercent !== e.toPercent)
        .map(e => ({
            t: Date.parse(e.at),
            label: `${fmt.share(e.toPercent)} %`,
            color: e.action === 'rollback' ? '#c62828' : e.action === 'promote' ? '#15803d' : '#475569',
            title: `${e.action} by ${e.actor.toLowerCase()}: ${fmt.share(e.fromPercent)} % → ${fmt.share(e.toPercent)} %`
                + ` at ${fmt.dateTime(e.at)}`,
        }));
}

function series(buckets, pick) {
    return new Map(buckets.map(b => [Date.parse(b.start), pick(b)]));
}

export function renderCharts(history, events) {
    if (!history) return;
    const from = Date.parse(history.from);
    const to = Date.parse(history.to);
    const bucketMs = history.bucketSeconds * 1000;
    const buckets = history.buckets.map(b => Date.parse(b.start));
    const markers = stageMarkers(events);
    const none = 'No uploads finished in this window';

    const rates = history.buckets.flatMap(b => [b.asyncSuccessRate, b.sync.successRate]).filter(v => v != null);
    const lowest = rates.length ? Math.min(...rates) : 1;
    const [yMin, yStep] = lowest >= 0.9 ? [0.9, 0.025] : lowest >= 0.5 ? [0.5, 0.125] : [0, 0.25];
    lineChart($('chart-success'), {
        from, to, bucketMs, buckets, markers, yMin, yMax: 1, yStep, emptyText: none,
        yFormat: (v, detailed) => fmt.percent(v, detailed || yStep < 0.1 ? 1 : 0),
        series: [
            {label: 'async', color: COLOURS.async, values: series(history.buckets, b => b.asyncSuccessRate)},
            {label: 'sync', color: COLOURS.sync, dash: '5 3', values: series(history.buckets, b => b.sync.successRate)},
        ],
    });

    const latencies = history.buckets.flatMap(b => [b.async.p95Ms, b.sync.p95Ms]).filter(v => v != null);
    const top = Math.max(10, ...latencies) * 1.1;
    const step = niceStep(top, 4);
    lineChart($('chart-latency'), {
        from, to, bucketMs, buckets, markers, yMin: 0, yMax: Math.ceil(top / step) * step, yStep: step, emptyText: none,
        yFormat: v => v >= 1000 ? `${+(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`,
        series: [
            {label: 'async', color: COLOURS.async, values: series(history.buckets, b => b.async.p95Ms)},
            {label: 'sync', color: COLOURS.sync, dash: '5 3', values: series(history.buckets, b => b.sync.p95Ms)},
        ],
    });

    barChart($('chart-uploads'), {
        from, to, bucketMs, buckets, markers, emptyText: none,
        stacks: [
            {label: 'sync', color: COLOURS.sync, values: series(history.buckets, b => b.sync.uploads)},
            {label: 'async', color: COLOURS.async, values: series(history.buckets, b => b.async.uploads)},
            {label: 'sync fallback', color: COLOURS.fallback, values: series(history.buckets, b => b.syncFallback.uploads)},
        ],
    });
    const total = history.buckets.reduce((n, b) => n + b.sync.uploads + b.async.uploads + b.syncFallback.uploads, 0);
    $('uploads-note').textContent = `${fmt.count(total)}${history.truncated ? '+' : ''} finished · per ${fmt.duration(history.bucketSeconds)}`;
    $('chart-uploads').dataset.total = total;
}

/** Until the operator picks one: the shortest range that shows the whole current stage and its start. */
export function autoRange(r) {
    const buttons = [...$('range').querySelectorAll('button')];
    const inStage = fmt.seconds(r.kpis.timeInStage) / 60;
    return buttons.find(b => +b.dataset.minutes >= inStage * 1.25 + 1) ?? buttons[buttons.length - 1];
}

/** Marks {@code button} as the chosen range; answers the range it stands for. */
export function chooseRange(button) {
    $('range').querySelectorAll('button').forEach(b => b.classList.toggle('on', b === button));
    return {minutes: +button.dataset.minutes, bucket: +button.dataset.bucket};
}
