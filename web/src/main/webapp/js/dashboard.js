// The rollout dashboard: polls the public API, draws the stage, its criteria, charts over time and
// the audit trail; after an operator logs in, sends promote / roll back / pause / resume, each after
// a confirmation in the page. This module keeps the schedule of reads and wires the page; each
// card draws itself from the model (status.js, criteria.js, kpis.js, history.js, timeline.js,
// operator.js).

import * as api from './api.js';
import {renderCriteria} from './criteria.js';
import {$} from './dom.js';
import * as fmt from './format.js';
import {autoRange, chooseRange, renderCharts} from './history.js';
import {renderKpis} from './kpis.js';
import {model} from './model.js';
import {renderActions, wireOperator} from './operator.js';
import {renderStatus} from './status.js';
import {renderTimeline} from './timeline.js';

const POLL_MS = 3000;
const EVENTS_EVERY_MS = 5000;
const HISTORY_EVERY_MS = 10000;

function renderRollout() {
    const r = model.rollout;
    if (!r) return;
    renderStatus(r, model.events);
    renderCriteria(r);
    renderKpis(r);
    renderActions(r);
}

const drawCharts = () => renderCharts(model.history, model.events);
const drawTimeline = () => renderTimeline(model.events, model.shown);

async function refresh() {
    clearTimeout(model.timer);
    const generation = ++model.generation;
    const now = Date.now();
    const jobs = [api.rollout().then(r => {
        model.rollout = r;
        renderRollout();
        if (model.range === null) {
            selectRange(autoRange(r));
            refreshHistory(Date.now()).catch(() => { model.fetched.history = 0; });
        }
    })];
    if (now - model.fetched.events >= EVENTS_EVERY_MS) {
        const limit = Math.min(500, Math.max(100, model.shown + 1));
        jobs.push(api.events(limit).then(e => {
            model.events = e;
            model.fetched.events = now;
            drawTimeline();
            drawCharts();
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
    return api.history(range.minutes, range.bucket).then(h => {
        if (range === model.range) {
            model.history = h;
            drawCharts();
        }
    });
}

function refreshAll() {
    model.fetched.events = 0;
    model.fetched.history = 0;
    refresh();
}

function selectRange(button) {
    model.range = chooseRange(button);
    model.fetched.history = 0;
}

function live(up) {
    $('live').dataset.live = up ? 'on' : 'off';
    $('live-text').textContent = up ? `live · updated ${fmt.clock(Date.now())}` : 'offline · retrying';
    $('offline-banner').hidden = up;
}

function wire() {
    wireOperator(refreshAll);
    $('range').addEventListener('click', event => {
        const button = event.target.closest('button');
        if (!button) return;
        selectRange(button);
        refresh();
    });
    $('timeline-more').addEventListener('click', () => {
        model.shown += 10;
        drawTimeline();
        model.fetched.events = 0;
        refresh();
    });
    let resizing = 0;
    window.addEventListener('resize', () => {
        clearTimeout(resizing);
        resizing = setTimeout(drawCharts, 150);
    });
}

wire();
refresh();
