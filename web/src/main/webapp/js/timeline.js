// The audit trail, newest first: each move or verdict with its time, actor and reasons.

import {$, h, none} from './dom.js';
import * as fmt from './format.js';
import {VERDICTS} from './model.js';

const ACTION_TEXT = {'adopt-config': 'config', verdict: 'verdict'};
const REASONS_SHOWN = 4;

function entry(e) {
    const moved = e.fromStage !== e.toStage || e.fromPercent !== e.toPercent;
    const where = moved
        ? `Stage ${e.fromStage} (${fmt.share(e.fromPercent)} %) → stage ${e.toStage} (${fmt.share(e.toPercent)} %)`
        : `Stage ${e.toStage} (${fmt.share(e.toPercent)} %)`;
    const verdict = e.verdict && e.actor === 'CONTROLLER' ? ` · ${VERDICTS[e.verdict] ?? e.verdict}` : '';
    const all = e.reasons ?? [];
    const reasons = all.slice(0, REASONS_SHOWN).map(text => h('li', {text}));
    if (all.length > REASONS_SHOWN) reasons.push(h('li', {text: `and ${all.length - REASONS_SHOWN} more`}));
    return h('li', {className: 'event'},
        h('div', {className: 'event-time', title: fmt.dateTime(e.at)}, h('b', {text: fmt.clock(e.at)}), fmt.ago(e.at)),
        h('div', {}, h('span', {className: 'event-action', data: {action: e.action}, text: ACTION_TEXT[e.action] ?? e.action})),
        h('div', {className: 'event-what'},
            h('span', {className: 'move', text: where}),
            h('span', {className: 'actor', text: ` · ${e.actor.toLowerCase()}${verdict}`}),
            h('ul', {}, ...reasons)));
}

export function renderTimeline(events, shown) {
    const items = events.slice(0, shown).map(entry);
    if (!items.length) items.push(none('Nothing recorded yet.'));
    $('timeline').replaceChildren(...items);
    $('timeline-more').hidden = events.length <= shown;
}
