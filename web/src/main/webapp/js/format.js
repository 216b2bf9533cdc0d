// Numbers, durations and times as operators read them.

const DASH = '–';

export function percent(fraction, digits = 1) {
    if (fraction === null || fraction === undefined || Number.isNaN(fraction)) return DASH;
    return `${(fraction * 100).toFixed(digits)} %`;
}

/** A rollout percentage: 0, 1, 10, 50, 100, or 12.5 when configured so. */
export function share(value) {
    if (value === null || value === undefined) return DASH;
    return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

export function count(n) {
    if (n === null || n === undefined) return DASH;
    return Number(n).toLocaleString('en-US');
}

export function millis(ms) {
    if (ms === null || ms === undefined) return DASH;
    if (ms < 1000) return `${Math.round(ms)} ms`;
    if (ms < 10_000) return `${(ms / 1000).toFixed(2)} s`;
    return `${(ms / 1000).toFixed(1)} s`;
}

export function ratio(r) {
    return r === null || r === undefined ? DASH : `${r.toFixed(2)} ×`;
}

export function bytes(n) {
    if (n === null || n === undefined) return DASH;
    const mb = n / (1024 * 1024);
    return mb >= 1024 ? `${(mb / 1024).toFixed(1)} GB` : `${mb.toFixed(0)} MB`;
}

/** Seconds of an ISO-8601 duration as Java writes it: PT48H, PT1H2M3.5S, P2DT3H. */
export function seconds(iso) {
    if (!iso) return 0;
    const m = /^(-)?P(?:(-?\d+)D)?(?:T(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?[\d.]+)S)?)?$/.exec(iso);
    if (!m) return 0;
    const total = (+m[2] || 0) * 86400 + (+m[3] || 0) * 3600 + (+m[4] || 0) * 60 + (+m[5] || 0);
    return m[1] ? -total : total;
}

/** 2 d 4 h, 3 h 12 min, 12 min, 45 s: the two largest units. */
export function duration(totalSeconds) {
    let s = Math.max(0, Math.round(totalSeconds));
    const d = Math.floor(s / 86400); s -= d * 86400;
    const h = Math.floor(s / 3600); s -= h * 3600;
    const m = Math.floor(s / 60); s -= m * 60;
    if (d) return h ? `${d} d ${h} h` : `${d} d`;
    if (h) return m ? `${h} h ${m} min` : `${h} h`;
    if (m) return `${m} min`;
    return `${s} s`;
}

const pad = n => String(n).padStart(2, '0');

export function clock(instant) {
    const t = new Date(instant);
    return `${pad(t.getHours())}:${pad(t.getMinutes())}:${pad(t.getSeconds())}`;
}

export function dateTime(instant) {
    const t = new Date(instant);
    return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())} ${clock(t)}`;
}

export function ago(instant, now = Date.now()) {
    const s = (now - new Date(instant).getTime()) / 1000;
    if (s < 5) return 'just now';
    return `${duration(s)} ago`;
}

/** HH:MM (HH:MM:SS for steps under a minute), with the weekday when the window spans days. */
export function axisTime(ms, spanMs, stepMs) {
    const t = new Date(ms);
    const hm = `${pad(t.getHours())}:${pad(t.getMinutes())}${stepMs < 60_000 ? `:${pad(t.getSeconds())}` : ''}`;
    return spanMs > 36 * 3600_000 ? `${t.toLocaleDateString('en-GB', {weekday: 'short'})} ${hm}` : hm;
}
