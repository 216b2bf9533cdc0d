// The rollout dashboard: polls the public API, draws the stage, its criteria, charts over time and
// the audit trail; after an operator logs in, sends promote / roll back / pause / resume, each after
// a confirmation in the page.

import {act, read} from './api.js';
import * as fmt from './format.js';
import {barChart, lineChart, niceStep} from './charts.js';

const $ = id => document.getElementById(id);
const POLL_MS = 3000;
const EVENTS_EVERY_MS = 5000;
const HISTORY_EVERY_MS = 10000;
const SCHEDULE = [0, 1, 10, 50, 100];
const COLOURS = {async: '#4f46e5', sync: '#94a3b8', fallback: '#f59e0b'};
const STATES = {
    HOLDING: ['Holding', 'Collecting evidence at this stage'],
    READY_TO_PROMOTE: ['Ready to promote', 'Every criterion is met; waiting for an operator'],
    REVIEW: ['Review', 'Degraded but not failing: a human should decide'],
    ROLLED_BACK: ['Rolled back', 'A trigger sent the rollout back to 0 %; it stays there until an operator acts'],
    PAUSED: ['Paused', 'An operator stopped the controller; nothing moves until resumed'],
    COMPLETE: ['Complete', 'The last stage met its criteria'],
};
const VERDICTS = {
    PROMOTE: 'Criteria met', HOLD: 'Not enough evidence yet', REVIEW: 'Needs review', ROLLBACK: 'Roll back',
};

const model = {
    rollout: null, events: [], history: null, login: null, shown: 10,
    range: null, fetched: {events: 0, history: 0}, timer: 0, generation: 0,
};

// ---------------------------------------------------------------- polling

async function refresh() {
    clearTimeout(model.timer);
    const generation = ++model.generation;
    const now = Date.now();
    const jobs = [read('api/rollout').then(r => {
        model.rollout = r;
        renderRollout();
        if (model.range === null) {
            chooseRange(autoRange(r));
            refreshHistory(Date.now()).catch(() => { model.fetched.history = 0; });
        }
    })];
    if (now - model.fetched.events >= EVENTS_EVERY_MS) {
        const limit = Math.min(500, Math.max(100, model.shown + 1));
        jobs.push(read(`api/rollout/events?limit=${limit}`).then(e => {
            model.events = e;
            model.fetched.events = now;
            renderTimeline();
            renderCharts();
            renderRollout();
        }));
    }
    if (model.range !== null && now - model.fetched.history >= HISTORY_EVERY_MS) {
        jobs.push(refreshHistory(now));
    }
    const results = await Promise.allSettled(jobs);
    if (generation === model.generation) {
        // a refresh started meanwhile (after an action) has taken over the schedule
        live(results[0].status === 'fulfilled');
        model.timer = setTimeout(refresh, POLL_MS);
    }
}

function refreshHistory(now) {
    model.fetched.history = now;
    const range = model.range;
    return read(`api/rollout/history?minutes=${range.minutes}&bucketSeconds=${range.bucket}`).then(h => {
        if (range === model.range) {
            model.history = h;
            renderCharts();
        }
    });
}

function refreshAll() {
    model.fetched.events = 0;
    model.fetched.history = 0;
    refresh();
}

function live(up) {
    $('live').dataset.live = up ? 'on' : 'off';
    $('live-text').textContent = up ? `live · updated ${fmt.clock(Date.now())}` : 'offline · retrying';
    $('offline-banner').hidden = up;
}

// ---------------------------------------------------------------- status

function renderRollout() {
    const r = model.rollout;
    if (!r) return;
    const k = r.kpis;
    document.body.dataset.state = r.state;
    const badge = $('state');
    badge.dataset.state = r.state;
    badge.textContent = STATES[r.state]?.[0] ?? r.state;
    $('state-hint').textContent = stateHint(r);
    $('stage-percent').textContent = fmt.share(r.percent);
    $('stage-percent').dataset.value = r.percent;
    const parts = [`Stage ${r.stage} of ${SCHEDULE.length - 1}`, `${fmt.duration(fmt.seconds(k.timeInStage))} in stage`,
        !r.asyncEnabled ? 'async off' : r.fallback ? 'sync fallback on' : 'sync fallback off'];
    if (r.autoPromote) parts.push('auto-promote on');
    $('stage-sub').textContent = parts.join(' · ');
    const t = r.triggers;
    $('status-meta').textContent = `Stage started ${fmt.dateTime(r.stageStartedAt)} · sticky by ${r.stickinessHeader}`
        + ` · rolls back below ${fmt.percent(t.rollbackSuccessBelow, 0)} success or above`
        + ` ${fmt.percent(t.rollbackErrorAbove, 0)} errors over the last ${fmt.count(t.recentWindow)} async uploads`;
    renderStepper(r);
    renderWhy(r);
    renderCriteria(r);
    renderKpis(r);
    renderActions(r);
}

function stateHint(r) {
    const cause = {PAUSED: 'pause', ROLLED_BACK: 'rollback', COMPLETE: 'complete'}[r.state];
    const event = cause && model.events.find(e => e.action === cause);
    if (event) {
        const who = event.actor === 'OPERATOR' ? 'an operator' : event.actor.toLowerCase();
        return `${STATES[r.state][0]} by ${who} ${fmt.ago(event.at)}`;
    }
    return STATES[r.state]?.[1] ?? '';
}

function renderStepper(r) {
    const labels = SCHEDULE.slice();
    labels[r.stage] = r.percent;
    if (r.nextStage != null) labels[r.nextStage] = r.nextPercent;
    const steps = labels.map((percent, i) => {
        const li = document.createElement('li');
        const kind = i < r.stage ? 'done' : i === r.stage ? 'current' : i === r.nextStage ? 'next' : 'future';
        li.className = `step ${kind}`;
        li.dataset.stage = i;
        const caption = kind === 'current' ? 'now' : kind === 'next' ? (r.autoPromote ? 'next · auto' : 'next')
            : i === 0 ? 'baseline' : '';
        li.innerHTML = `<span class="step-dot">${kind === 'done' ? '✓' : i}</span>`
            + `<span class="step-label">${fmt.share(percent)} %</span><span class="step-caption">${caption}</span>`;
        return li;
    });
    $('stepper').replaceChildren(...steps);
}

function renderWhy(r) {
    const e = r.lastEvaluation;
    $('verdict').textContent = e
        ? `${VERDICTS[e.verdict] ?? e.verdict} · evaluated ${fmt.ago(e.at)}`
        : 'Not evaluated yet';
    const items = (e?.reasons ?? []).map(text => {
        const li = document.createElement('li');
        li.textContent = text;
        return li;
    });
    if (!items.length) {
        const li = document.createElement('li');
        li.className = 'none';
        li.textContent = 'The controller has not judged this stage yet.';
        items.push(li);
    }
    $('reasons').replaceChildren(...items);
}

// ---------------------------------------------------------------- criteria and KPIs

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

function renderCriteria(r) {
    const final = r.nextStage == null;
    $('criteria-title').textContent = final ? 'To complete the rollout' : 'To leave this stage';
    $('criteria-note').textContent = final ? `stage ${r.stage} (${fmt.share(r.percent)} %)`
        : `→ stage ${r.nextStage} (${fmt.share(r.nextPercent)} %)${r.autoPromote ? ', promoted automatically' : ''}`;
    const rows = criteriaRows(r).map(row => {
        const tr = document.createElement('tr');
        const status = row.met ? 'met' : row.waiting ? 'waiting' : row.progress !== undefined ? 'waiting' : 'unmet';
        tr.className = status;
        const progress = row.progress === undefined ? ''
            : `<span class="bar"><i style="width:${Math.min(100, Math.max(2, row.progress * 100)).toFixed(1)}%"></i></span>`;
        const under = row.still ? `<span class="still">${row.still}</span>` : row.detail ? `<span class="detail">${row.detail}</span>` : '';
        tr.innerHTML = `<td class="name">${row.name}</td><td>${row.needs}</td>`
            + `<td><span class="now">${row.now}</span>${under}${progress}</td>`
            + `<td><span class="mark" title="${status}">${row.met ? '✓' : status === 'waiting' ? '…' : '✗'}</span></td>`;
        return tr;
    });
    $('criteria').tBodies[0].replaceChildren(...rows);
}

function kpi(id, value, sub, tone, raw) {
    const tile = $(id);
    tile.querySelector('.kpi-value').textContent = value;
    tile.querySelector('.kpi-sub').textContent = sub;
    tile.dataset.tone = tone ?? '';
    tile.dataset.value = raw ?? '';
}

function renderKpis(r) {
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

// ---------------------------------------------------------------- charts

function stageMarkers() {
    return model.events
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

function renderCharts() {
    const h = model.history;
    if (!h) return;
    const from = Date.parse(h.from);
    const to = Date.parse(h.to);
    const bucketMs = h.bucketSeconds * 1000;
    const buckets = h.buckets.map(b => Date.parse(b.start));
    const markers = stageMarkers();
    const none = 'No uploads finished in this window';

    const rates = h.buckets.flatMap(b => [b.asyncSuccessRate, b.sync.successRate]).filter(v => v != null);
    const lowest = rates.length ? Math.min(...rates) : 1;
    const [yMin, yStep] = lowest >= 0.9 ? [0.9, 0.025] : lowest >= 0.5 ? [0.5, 0.125] : [0, 0.25];
    lineChart($('chart-success'), {
        from, to, bucketMs, buckets, markers, yMin, yMax: 1, yStep, emptyText: none,
        yFormat: (v, detailed) => fmt.percent(v, detailed || yStep < 0.1 ? 1 : 0),
        series: [
            {label: 'async', color: COLOURS.async, values: series(h.buckets, b => b.asyncSuccessRate)},
            {label: 'sync', color: COLOURS.sync, dash: '5 3', values: series(h.buckets, b => b.sync.successRate)},
        ],
    });

    const latencies = h.buckets.flatMap(b => [b.async.p95Ms, b.sync.p95Ms]).filter(v => v != null);
    const top = Math.max(10, ...latencies) * 1.1;
    const step = niceStep(top, 4);
    lineChart($('chart-latency'), {
        from, to, bucketMs, buckets, markers, yMin: 0, yMax: Math.ceil(top / step) * step, yStep: step, emptyText: none,
        yFormat: v => v >= 1000 ? `${+(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`,
        series: [
            {label: 'async', color: COLOURS.async, values: series(h.buckets, b => b.async.p95Ms)},
            {label: 'sync', color: COLOURS.sync, dash: '5 3', values: series(h.buckets, b => b.sync.p95Ms)},
        ],
    });

    barChart($('chart-uploads'), {
        from, to, bucketMs, buckets, markers, emptyText: none,
        stacks: [
            {label: 'sync', color: COLOURS.sync, values: series(h.buckets, b => b.sync.uploads)},
            {label: 'async', color: COLOURS.async, values: series(h.buckets, b => b.async.uploads)},
            {label: 'sync fallback', color: COLOURS.fallback, values: series(h.buckets, b => b.syncFallback.uploads)},
        ],
    });
    const total = h.buckets.reduce((n, b) => n + b.sync.uploads + b.async.uploads + b.syncFallback.uploads, 0);
    $('uploads-note').textContent = `${fmt.count(total)}${h.truncated ? '+' : ''} finished · per ${fmt.duration(h.bucketSeconds)}`;
    $('chart-uploads').dataset.total = total;
}

/** Until the operator picks one: the shortest range that shows the whole current stage and its start. */
function autoRange(r) {
    const buttons = [...$('range').querySelectorAll('button')];
    const inStage = fmt.seconds(r.kpis.timeInStage) / 60;
    return buttons.find(b => +b.dataset.minutes >= inStage * 1.25 + 1) ?? buttons[buttons.length - 1];
}

function chooseRange(button) {
    $('range').querySelectorAll('button').forEach(b => b.classList.toggle('on', b === button));
    model.range = {minutes: +button.dataset.minutes, bucket: +button.dataset.bucket};
    model.fetched.history = 0;
}

// ---------------------------------------------------------------- audit trail

const ACTION_TEXT = {'adopt-config': 'config', verdict: 'verdict'};

function renderTimeline() {
    const items = model.events.slice(0, model.shown).map(e => {
        const li = document.createElement('li');
        li.className = 'event';
        const moved = e.fromStage !== e.toStage || e.fromPercent !== e.toPercent;
        const where = moved
            ? `Stage ${e.fromStage} (${fmt.share(e.fromPercent)} %) → stage ${e.toStage} (${fmt.share(e.toPercent)} %)`
            : `Stage ${e.toStage} (${fmt.share(e.toPercent)} %)`;
        const verdict = e.verdict && e.actor === 'CONTROLLER' ? ` · ${VERDICTS[e.verdict] ?? e.verdict}` : '';
        const reasons = (e.reasons ?? []).slice(0, 4);
        const more = (e.reasons ?? []).length - reasons.length;
        li.innerHTML = `<div class="event-time"><b>${fmt.clock(e.at)}</b>${fmt.ago(e.at)}</div>`
            + `<div><span class="event-action" data-action="${e.action}"></span></div>`
            + `<div class="event-what"><span class="move"></span><span class="actor"></span><ul></ul></div>`;
        li.querySelector('.event-time').title = fmt.dateTime(e.at);
        li.querySelector('.event-action').textContent = ACTION_TEXT[e.action] ?? e.action;
        li.querySelector('.move').textContent = where;
        li.querySelector('.actor').textContent = ` · ${e.actor.toLowerCase()}${verdict}`;
        const list = li.querySelector('ul');
        reasons.forEach(text => {
            const item = document.createElement('li');
            item.textContent = text;
            list.appendChild(item);
        });
        if (more > 0) {
            const item = document.createElement('li');
            item.textContent = `and ${more} more`;
            list.appendChild(item);
        }
        return li;
    });
    if (!items.length) {
        const li = document.createElement('li');
        li.className = 'none';
        li.textContent = 'Nothing recorded yet.';
        items.push(li);
    }
    $('timeline').replaceChildren(...items);
    $('timeline-more').hidden = model.events.length <= model.shown;
}

// ---------------------------------------------------------------- operator

function renderActions(r) {
    const on = model.login != null;
    const final = r.nextStage == null;
    $('action-promote').disabled = !on || final;
    $('action-promote').title = final ? 'Already at the final stage' : `Move to ${fmt.share(r.nextPercent)} %`;
    $('action-pause').disabled = !on || r.paused;
    $('action-resume').disabled = !on || !(r.paused || r.state === 'ROLLED_BACK');
    $('action-rollback').disabled = !on || (r.percent === 0 && !r.asyncEnabled);
    $('actions-hint').textContent = on ? 'Each action asks for confirmation first.' : 'Log in as rollout-admin to act.';
}

function confirmation(action, r) {
    const here = `stage ${r.stage} (${fmt.share(r.percent)} %)`;
    switch (action) {
        case 'promote':
            return ['Promote the rollout?', `From ${here} to stage ${r.nextStage} (${fmt.share(r.nextPercent)} %): more `
                + 'stickiness keys take the async path at once, and the new stage starts collecting evidence from zero.',
                'Promote'];
        case 'rollback':
            return ['Roll back to 0 %?', `From ${here} to 0 %, async off: every upload takes the sync path at once. `
                + 'The rollout stays there until an operator promotes or resumes.', 'Roll back'];
        case 'pause':
            return ['Pause the rollout?', `The rollout stays at ${here}. The controller keeps evaluating but moves `
                + 'nothing — no promotion, not even an automatic rollback — until someone resumes.', 'Pause'];
        default:
            return ['Resume the rollout?', `The controller takes over again at ${here} and acts on its verdicts.`,
                'Resume'];
    }
}

function ask(action) {
    const [title, text, verb] = confirmation(action, model.rollout);
    const dialog = $('confirm-dialog');
    dialog.dataset.action = action;
    $('confirm-title').textContent = title;
    $('confirm-text').textContent = text;
    $('confirm-ok').textContent = verb;
    dialog.showModal();
}

function outcome(action, t) {
    const to = `stage ${t.toStage} (${fmt.share(t.toPercent)} %)`;
    const text = {
        promote: `Promoted from stage ${t.fromStage} (${fmt.share(t.fromPercent)} %) to ${to}.`,
        rollback: `Rolled back to ${to}: every upload takes the sync path.`,
        pause: `Paused at ${to}: the controller moves nothing until resumed.`,
        resume: `Resumed at ${to}: the controller acts on its verdicts again.`,
    }[action];
    return `${text} ${fmt.clock(t.at)}`;
}

function result(kind, text) {
    const box = $('action-result');
    box.dataset.kind = kind;
    box.textContent = text;
    box.hidden = false;
}

async function perform(action) {
    result('busy', `Sending ${action}…`);
    try {
        // from= the stage this page shows: if the rollout moved meanwhile the gateway answers 409
        const from = action === 'evaluate' || model.rollout == null ? '' : `?from=${model.rollout.stage}`;
        const answer = await act(`api/rollout/${action}${from}`, model.login);
        if (answer.ok) {
            result('ok', outcome(action, answer.body));
        } else if (answer.status === 401) {
            logout();
            result('error', 'The gateway refused the credentials; log in again.');
        } else {
            result('error', answer.body?.detail ?? `The gateway answered ${answer.status}.`);
        }
    } catch (e) {
        result('error', `The gateway did not answer: ${e.message}`);
    }
    refreshAll();
}

async function login(event) {
    event.preventDefault();
    const credentials = {username: $('login-username').value.trim(), password: $('login-password').value};
    const error = $('login-error');
    error.hidden = true;
    $('login-submit').disabled = true;
    try {
        // a read behind the same role, so logging in changes nothing
        const answer = await act('api/rollout/operator', credentials, 'GET');
        if (answer.ok) {
            model.login = credentials;
            $('login-password').value = '';
            $('login-dialog').close();
            $('operator-name').textContent = credentials.username;
            $('operator-name').hidden = false;
            $('logout-button').hidden = false;
            $('login-button').hidden = true;
            result('ok', `Logged in as ${answer.body?.name ?? credentials.username}.`);
        } else {
            error.textContent = answer.status === 401 ? 'User name or password not accepted.'
                : answer.status === 403 ? 'This account is not a rollout-admin.'
                    : answer.body?.detail ?? `The gateway answered ${answer.status}.`;
            error.hidden = false;
        }
    } catch (e) {
        error.textContent = `The gateway did not answer: ${e.message}`;
        error.hidden = false;
    } finally {
        $('login-submit').disabled = false;
    }
}

function logout() {
    model.login = null;
    $('operator-name').hidden = true;
    $('logout-button').hidden = true;
    $('login-button').hidden = false;
    if (model.rollout) renderActions(model.rollout);
}

// ---------------------------------------------------------------- wiring

function wire() {
    document.querySelectorAll('[data-action]').forEach(button =>
        button.addEventListener('click', () => ask(button.dataset.action)));
    $('confirm-cancel').addEventListener('click', () => $('confirm-dialog').close());
    $('confirm-ok').addEventListener('click', () => {
        const dialog = $('confirm-dialog');
        dialog.close();
        perform(dialog.dataset.action);
    });
    $('login-button').addEventListener('click', () => {
        $('login-error').hidden = true;
        $('login-dialog').showModal();
        $('login-password').focus();
    });
    $('login-cancel').addEventListener('click', () => $('login-dialog').close());
    $('login-form').addEventListener('submit', login);
    $('logout-button').addEventListener('click', () => {
        logout();
        $('action-result').hidden = true;
    });
    $('range').addEventListener('click', event => {
        const button = event.target.closest('button');
        if (!button) return;
        chooseRange(button);
        refresh();
    });
    $('timeline-more').addEventListener('click', () => {
        model.shown += 10;
        renderTimeline();
        model.fetched.events = 0;
        refresh();
    });
    let resizing = 0;
    window.addEventListener('resize', () => {
        clearTimeout(resizing);
        resizing = setTimeout(renderCharts, 150);
    });
}

wire();
refresh();
