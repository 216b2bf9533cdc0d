// Time charts as plain SVG: a line chart and a stacked bar chart over the same time axis, with
// stage changes marked as dashed vertical lines and a tooltip for the bucket under the pointer.
// Every label goes in as text (textContent, text nodes), never as markup.

import {axisTime, clock} from './format.js';

const SVG = 'http://www.w3.org/2000/svg';
const PAD = {left: 48, right: 10, top: 18, bottom: 24};
const MINUTE = 60_000;
const TIME_STEPS = [0.25, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440, 2880].map(m => m * MINUTE);

function el(name, attributes = {}, parent = null) {
    const node = document.createElementNS(SVG, name);
    Object.entries(attributes).forEach(([k, v]) => node.setAttribute(k, v));
    if (parent) parent.appendChild(node);
    return node;
}

/** 1, 2, 2.5 or 5 times a power of ten: a step that gives about {@code ticks} grid lines. */
export function niceStep(range, ticks) {
    const raw = range / ticks;
    const power = 10 ** Math.floor(Math.log10(raw));
    return [1, 2, 2.5, 5, 10].map(f => f * power).find(s => s >= raw) ?? 10 * power;
}

function frame(host, {from, to, yMin, yMax, yStep, yFormat, markers}) {
    host.replaceChildren();
    const width = Math.max(240, host.clientWidth);
    const height = Math.max(120, host.clientHeight);
    const svg = el('svg', {viewBox: `0 0 ${width} ${height}`, role: 'img'}, host);
    const plot = {x0: PAD.left, x1: width - PAD.right, y0: height - PAD.bottom, y1: PAD.top};
    const x = t => plot.x0 + (t - from) / (to - from) * (plot.x1 - plot.x0);
    const y = v => plot.y0 - (v - yMin) / (yMax - yMin) * (plot.y0 - plot.y1);

    for (let v = yMin; v <= yMax + yStep / 1e6; v += yStep) {
        el('line', {class: 'grid-line', x1: plot.x0, x2: plot.x1, y1: y(v), y2: y(v)}, svg);
        el('text', {class: 'axis-label', x: plot.x0 - 8, y: y(v) + 4, 'text-anchor': 'end'}, svg).textContent = yFormat(v);
    }
    const span = to - from;
    const step = TIME_STEPS.find(s => span / s <= 5) ?? TIME_STEPS[TIME_STEPS.length - 1];
    const offset = new Date(from).getTimezoneOffset() * MINUTE;
    for (let t = Math.ceil((from - offset) / step) * step + offset; t <= to; t += step) {
        if (x(t) < plot.x0 + 14 || x(t) > plot.x1 - 14) continue;
        el('text', {class: 'axis-label', x: x(t), y: plot.y0 + 17, 'text-anchor': 'middle'}, svg).textContent = axisTime(t, span, step);
    }
    // newest first, so that of stage changes too close to label apart the latest keeps its label
    let labelled = Infinity;
    (markers ?? []).filter(m => m.t >= from && m.t <= to).sort((a, b) => b.t - a.t).forEach(m => {
        el('line', {class: 'marker-line', x1: x(m.t), x2: x(m.t), y1: plot.y1 - 4, y2: plot.y0, stroke: m.color}, svg);
        if (labelled - x(m.t) < 34) return;
        labelled = x(m.t);
        const anchor = x(m.t) > plot.x1 - 30 ? 'end' : 'middle';
        const label = el('text', {class: 'marker-label', x: x(m.t), y: plot.y1 - 7, 'text-anchor': anchor, fill: m.color}, svg);
        label.textContent = m.label;
        el('title', {}, label).textContent = m.title;
    });
    return {svg, plot, x, y};
}

/** The tooltip's heading and one line per series, {color, text}, each after a swatch of its colour. */
function tipContent(heading, lines) {
    const content = document.createDocumentFragment();
    const title = document.createElement('b');
    title.textContent = heading;
    content.append(title);
    lines.forEach(({color, text}) => {
        const swatch = document.createElement('i');
        swatch.style.background = color;
        content.append(document.createElement('br'), swatch, text);
    });
    return content;
}

function hover(host, f, buckets, bucketMs, describe) {
    const tip = document.createElement('div');
    tip.className = 'tip';
    tip.hidden = true;
    host.appendChild(tip);
    const line = el('line', {class: 'hover-line', y1: f.plot.y1, y2: f.plot.y0, visibility: 'hidden'}, f.svg);
    const area = el('rect', {x: f.plot.x0, y: f.plot.y1, width: f.plot.x1 - f.plot.x0, height: f.plot.y0 - f.plot.y1,
        fill: 'transparent'}, f.svg);
    area.addEventListener('mousemove', event => {
        const box = f.svg.getBoundingClientRect();
        const px = (event.clientX - box.left) * (f.plot.x1 + PAD.right) / box.width;
        let nearest = null;
        buckets.forEach(b => {
            const d = Math.abs(f.x(b + bucketMs / 2) - px);
            if (!nearest || d < nearest.d) nearest = {b, d};
        });
        if (!nearest) return;
        const cx = f.x(nearest.b + bucketMs / 2);
        line.setAttribute('x1', cx);
        line.setAttribute('x2', cx);
        line.setAttribute('visibility', 'visible');
        tip.replaceChildren(tipContent(`${clock(nearest.b)} – ${clock(nearest.b + bucketMs)}`, describe(nearest.b)));
        tip.hidden = false;
        const left = cx / (f.plot.x1 + PAD.right) * host.clientWidth;
        tip.style.top = '4px';
        tip.style.left = left > host.clientWidth / 2 ? `${left - tip.offsetWidth - 12}px` : `${left + 12}px`;
    });
    area.addEventListener('mouseleave', () => {
        tip.hidden = true;
        line.setAttribute('visibility', 'hidden');
    });
}

function empty(f, text) {
    el('text', {class: 'empty', x: (f.plot.x0 + f.plot.x1) / 2, y: (f.plot.y0 + f.plot.y1) / 2,
        'text-anchor': 'middle'}, f.svg).textContent = text;
}

/**
 * Lines over time buckets; a gap where a bucket has no value.
 * series: [{label, color, values: Map(bucketStart → number|null)}]
 */
export function lineChart(host, {from, to, bucketMs, buckets, series, markers, yMin, yMax, yStep, yFormat, emptyText}) {
    const f = frame(host, {from, to, yMin, yMax, yStep, yFormat, markers});
    const known = series.some(s => buckets.some(b => s.values.get(b) !== null && s.values.get(b) !== undefined));
    if (!known) {
        empty(f, emptyText);
        return;
    }
    series.forEach(s => {
        let d = '';
        let open = false;
        const points = [];
        buckets.forEach(b => {
            const v = s.values.get(b);
            if (v === null || v === undefined) {
                open = false;
                return;
            }
            const px = f.x(b + bucketMs / 2);
            const py = f.y(Math.min(yMax, Math.max(yMin, v)));
            d += `${open ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`;
            open = true;
            points.push([px, py]);
        });
        el('path', {class: 'series', d, stroke: s.color, ...(s.dash ? {'stroke-dasharray': s.dash} : {})}, f.svg);
        if (points.length <= 40 && !s.dash) {
            points.forEach(([px, py]) => el('circle', {cx: px, cy: py, r: 2.6, fill: s.color}, f.svg));
        }
    });
    hover(host, f, buckets, bucketMs, b => series.map(s => {
        const v = s.values.get(b);
        return {color: s.color, text: `${s.label}: ${v === null || v === undefined ? '–' : yFormat(v, true)}`};
    }));
}

/** Stacked bars per time bucket. stacks: [{label, color, values: Map(bucketStart → count)}] */
export function barChart(host, {from, to, bucketMs, buckets, stacks, markers, emptyText}) {
    const totals = buckets.map(b => stacks.reduce((sum, s) => sum + (s.values.get(b) ?? 0), 0));
    const max = Math.max(0, ...totals);
    const yStep = niceStep(Math.max(max, 4), 4);
    const yMax = Math.max(yStep, Math.ceil(max / yStep) * yStep);
    const f = frame(host, {from, to, yMin: 0, yMax, yStep, yFormat: v => String(Math.round(v)), markers});
    if (max === 0) {
        empty(f, emptyText);
        return;
    }
    const slot = f.x(from + bucketMs) - f.x(from);
    const width = Math.max(1, slot * 0.72);
    buckets.forEach(b => {
        let base = 0;
        stacks.forEach(s => {
            const v = s.values.get(b) ?? 0;
            if (v > 0) {
                el('rect', {x: f.x(b) + (slot - width) / 2, y: f.y(base + v), width,
                    height: Math.max(0.5, f.y(base) - f.y(base + v)), fill: s.color, rx: Math.min(2, width / 4)}, f.svg);
            }
            base += v;
        });
    });
    hover(host, f, buckets, bucketMs, b => stacks.map(s =>
        ({color: s.color, text: `${s.label}: ${s.values.get(b) ?? 0}`})));
}
