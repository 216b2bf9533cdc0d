// The key figures of the current stage, each tile toned good or bad against the criteria and triggers.

import {$} from './dom.js';
import * as fmt from './format.js';

function kpi(id, value, sub, tone, raw) {
    const tile = $(id);
    tile.querySelector('.kpi-value').textContent = value;
    tile.querySelector('.kpi-sub').textContent = sub;
    tile.dataset.tone = tone ?? '';
    tile.dataset.value = raw ?? '';
}

export function renderKpis(r) {
    const k = r.kpis;
    const c = r.criteria;
    const t = r.triggers;
    const attempts = k.asyncUploads + k.fallbackUploads;
    kpi('kpi-async-uploads', fmt.count(attempts),
        `${fmt.count(k.asyncSucceeded)} delivered · ${fmt.count(k.fallbackUploads)} via fallback`, null, attempts);
    const judged = k.asyncSuccess.trials > 0;
    kpi('kpi-async-success', judged ? fmt.percent(k.asyncSuccess.estimate, 2) : '–',
        judged ? `bounds ${fmt.percent(k.asyncSuccess.lower)} – ${fmt.percent(k.asyncSuccess.upper)}` : 'no async uploads yet',
        !judged || r.stage === 0 ? null : k.asyncSuccess.upper < t.rollbackSuccessBelow ? 'bad'
            : k.asyncSuccess.lower >= c.minSuccessRate ? 'ok' : null, k.asyncSuccess.estimate);
    kpi('kpi-errors', judged ? fmt.percent(k.asyncError.estimate, 2) : '–',
        k.recentError.trials ? `last ${fmt.count(k.recentError.trials)}: ${fmt.percent(k.recentError.estimate)}` : 'nothing recent',
        !judged || r.stage === 0 ? null : k.asyncError.lower > t.rollbackErrorAbove ? 'bad'
            : k.asyncError.upper <= c.maxErrorRate ? 'ok' : null, k.asyncError.estimate);
    kpi('kpi-latency', fmt.ratio(k.p95Ratio),
        `${fmt.millis(k.asyncP95Ms)} vs ${fmt.millis(k.syncP95Ms)}${k.syncFromBaseline ? ' (baseline)' : ''}`,
        k.p95Ratio == null || r.stage === 0 ? null : k.p95Ratio > t.reviewLatencyAbove ? 'bad'
            : k.p95Ratio <= c.maxLatencyRatio ? 'ok' : 'wait', k.p95Ratio);
    kpi('kpi-sync-uploads', fmt.count(k.syncUploads), `p50 ${fmt.millis(k.syncP50Ms)} · p95 ${fmt.millis(k.syncP95Ms)}`,
        null, k.syncUploads);
    const growth = k.heapGrowth;
    const spike = growth > t.heapSpikeAbove && k.heapNow - k.heapAtStageStart > t.heapSpikeMinBytes;
    kpi('kpi-heap', `${growth >= 0 ? '+' : '−'}${fmt.percent(Math.abs(growth), 0)}`,
        `${fmt.bytes(k.heapAtStageStart)} → ${fmt.bytes(k.heapNow)}`, spike ? 'bad' : null, growth);
}
