// The criteria card: what the current stage still needs before it may be left, each criterion beside
// its live value, with progress where it counts up.

import {$, h} from './dom.js';
import * as fmt from './format.js';

function criteriaRows(r) {
    const k = r.kpis;
    const c = r.criteria;
    const inStage = fmt.seconds(k.timeInStage);
    const needed = fmt.seconds(c.minDuration);
    const time = {
        name: 'Time in stage', needs: `≥ ${fmt.duration(needed)}`, now: fmt.duration(inStage),
        met: inStage >= needed, progress: needed ? inStage / needed : 1,
        still: inStage >= needed ? null : `${fmt.duration(needed - inStage)} to go`,
    };
    if (r.stage === 0) {
        return [{
            name: 'Sync uploads', needs: `≥ ${fmt.count(c.minUploads)}`, now: fmt.count(k.syncUploads),
            met: k.syncUploads >= c.minUploads, progress: c.minUploads ? k.syncUploads / c.minUploads : 1,
            still: k.syncUploads >= c.minUploads ? null : `${fmt.count(c.minUploads - k.syncUploads)} more uploads`,
        }, time, {
            name: 'Sync latency baseline', needs: 'measured', now: fmt.millis(k.syncP95Ms),
            met: k.syncP95Ms != null, waiting: true, detail: k.syncP95Ms != null ? `p50 ${fmt.millis(k.syncP50Ms)}` : 'no samples yet',
        }];
    }
    const attempts = k.asyncUploads + k.fallbackUploads;
    const collecting = attempts < c.minUploads;
    return [{
        name: 'Async uploads', needs: `≥ ${fmt.count(c.minUploads)}`, now: fmt.count(attempts),
        met: attempts >= c.minUploads, progress: c.minUploads ? attempts / c.minUploads : 1,
        still: collecting ? `${fmt.count(c.minUploads - attempts)} more uploads` : null,
    }, time, {
        name: 'Async success', needs: `≥ ${fmt.percent(c.minSuccessRate)}`, now: fmt.percent(k.asyncSuccess.lower, 2),
        met: k.asyncSuccess.lower >= c.minSuccessRate, waiting: collecting,
        detail: `lower bound; ${fmt.percent(k.asyncSuccess.estimate, 2)} of ${fmt.count(k.asyncSuccess.trials)}`,
    }, {
        name: 'User-visible errors', needs: `≤ ${fmt.percent(c.maxErrorRate)}`, now: fmt.percent(k.asyncError.upper, 2),
        met: k.asyncError.upper <= c.maxErrorRate, waiting: collecting,
        detail: `upper bound; ${fmt.percent(k.asyncError.estimate, 2)} observed`,
    }, {
        name: 'p95 async ÷ sync', needs: `≤ ${fmt.ratio(c.maxLatencyRatio)}`, now: fmt.ratio(k.p95Ratio),
        met: k.p95Ratio != null && k.p95Ratio <= c.maxLatencyRatio, waiting: k.p95Ratio == null,
        detail: k.p95Ratio == null ? 'too few samples on one side yet'
            : `${fmt.millis(k.asyncP95Ms)} vs ${fmt.millis(k.syncP95Ms)}${k.syncFromBaseline ? ' (baseline)' : ''}`,
    }];
}

function row(criterion) {
    const status = criterion.met ? 'met' : criterion.waiting ? 'waiting'
        : criterion.progress !== undefined ? 'waiting' : 'unmet';
    const now = h('td', {}, h('span', {className: 'now', text: criterion.now}));
    if (criterion.still) {
        now.append(h('span', {className: 'still', text: criterion.still}));
    } else if (criterion.detail) {
        now.append(h('span', {className: 'detail', text: criterion.detail}));
    }
    if (criterion.progress !== undefined) {
        const fill = h('i');
        // through the CSSOM, which a style-src policy without 'unsafe-inline' still allows
        fill.style.width = `${Math.min(100, Math.max(2, criterion.progress * 100)).toFixed(1)}%`;
        now.append(h('span', {className: 'bar'}, fill));
    }
    return h('tr', {className: status},
        h('td', {className: 'name', text: criterion.name}),
        h('td', {text: criterion.needs}),
        now,
        h('td', {}, h('span', {className: 'mark', title: status,
            text: criterion.met ? '✓' : status === 'waiting' ? '…' : '✗'})));
}

export function renderCriteria(r) {
    const final = r.nextStage == null;
    $('criteria-title').textContent = final ? 'To complete the rollout' : 'To leave this stage';
    $('criteria-note').textContent = final ? `stage ${r.stage} (${fmt.share(r.percent)} %)`
        : `→ stage ${r.nextStage} (${fmt.share(r.nextPercent)} %)${r.autoPromote ? ', promoted automatically' : ''}`;
    $('criteria').tBodies[0].replaceChildren(...criteriaRows(r).map(row));
}
