// The status card: the share on the async path, the controller's state, the stages of the plan as a
// stepper, and the last verdict with its reasons.

import {$, h, none} from './dom.js';
import * as fmt from './format.js';
import {STATES, VERDICTS} from './model.js';

export function renderStatus(r, events) {
    const k = r.kpis;
    document.body.dataset.state = r.state;
    const badge = $('state');
    badge.dataset.state = r.state;
    badge.textContent = STATES[r.state]?.[0] ?? r.state;
    $('state-hint').textContent = stateHint(r, events);
    $('stage-percent').textContent = fmt.share(r.percent);
    $('stage-percent').dataset.value = r.percent;
    const parts = [`Stage ${r.stage} of ${r.plan.length - 1}`, `${fmt.duration(fmt.seconds(k.timeInStage))} in stage`,
        !r.asyncEnabled ? 'async off' : r.fallback ? 'sync fallback on' : 'sync fallback off'];
    if (r.autoPromote) parts.push('auto-promote on');
    $('stage-sub').textContent = parts.join(' · ');
    const t = r.triggers;
    $('status-meta').textContent = `Stage started ${fmt.dateTime(r.stageStartedAt)} · sticky by ${r.stickinessHeader}`
        + ` · rolls back below ${fmt.percent(t.rollbackSuccessBelow, 0)} success or above`
        + ` ${fmt.percent(t.rollbackErrorAbove, 0)} errors over the last ${fmt.count(t.recentWindow)} async uploads`
        + ` · gate ${(r.gate ?? 'AUTO').toLowerCase()}`
        + (r.maxDurationSeconds == null ? '' : ` · pauses if inconclusive after ${fmt.count(r.maxDurationSeconds)} s`)
        + (r.promotionWindow ? ` · promotes automatically only in ${r.promotionWindow}` : '')
        + (r.nextWindowOpening ? ` · next window opens ${fmt.dateTime(r.nextWindowOpening)}` : '');
    renderStepper(r);
    renderWhy(r);
    renderNodes(r);
}

/** Every node sharing the rollout, the leader marked, with its uploads in flight and last heartbeat. */
function renderNodes(r) {
    const nodes = r.nodes ?? [];
    $('nodes').replaceChildren(...(nodes.length ? nodes.map(n => h('li', {
        className: n.alive ? 'node' : 'node node-down',
        data: {node: n.id, leader: String(n.id === r.leader), alive: String(n.alive)},
        title: n.baseUrl ?? undefined,
        text: `${n.id}${n.id === r.leader ? ' · leader' : ''} · ${fmt.count(n.inFlight)} in flight · `
            + (n.alive ? `seen ${fmt.ago(n.lastSeen)}` : `gone since ${fmt.dateTime(n.lastSeen)}`)
    })) : [none('no node has reported yet')]));
}

function stateHint(r, events) {
    const cause = {PAUSED: 'pause', ROLLED_BACK: 'rollback', COMPLETE: 'complete', AWAITING_APPROVAL: 'gate'}[r.state];
    const event = cause && events.find(e => e.action === cause);
    if (event) {
        const who = event.actor === 'OPERATOR' ? 'an operator' : event.actor.toLowerCase();
        return `${STATES[r.state][0]} by ${who} ${fmt.ago(event.at)}`;
    }
    return STATES[r.state]?.[1] ?? '';
}

/** The plan's stages as the controller runs them; the current one at the share really in force. */
function renderStepper(r) {
    const labels = r.plan.slice();
    labels[r.stage] = r.percent;
    if (r.nextStage != null) labels[r.nextStage] = r.nextPercent;
    const steps = labels.map((percent, i) => {
        const kind = i < r.stage ? 'done' : i === r.stage ? 'current' : i === r.nextStage ? 'next' : 'future';
        const caption = kind === 'current' ? 'now' : kind === 'next' ? (r.autoPromote ? 'next · auto' : 'next')
            : i === 0 ? 'baseline' : '';
        return h('li', {className: `step ${kind}`, data: {stage: i, percent}},
            h('span', {className: 'step-dot', text: kind === 'done' ? '✓' : String(i)}),
            h('span', {className: 'step-label', text: `${fmt.share(percent)} %`}),
            h('span', {className: 'step-caption', text: caption}));
    });
    $('stepper').replaceChildren(...steps);
}

function renderWhy(r) {
    const e = r.lastEvaluation;
    $('verdict').textContent = e
        ? `${VERDICTS[e.verdict] ?? e.verdict} · evaluated ${fmt.ago(e.at)}`
        : 'Not evaluated yet';
    const items = (e?.reasons ?? []).map(text => h('li', {text}));
    if (!items.length) items.push(none('The controller has not judged this stage yet.'));
    $('reasons').replaceChildren(...items);
}
