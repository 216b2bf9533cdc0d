// The gateway's JSON API, relative to the page (served at the root context, as / and /dashboard).

const JSON_TYPES = 'application/json, application/problem+json';

export async function read(path) {
    const response = await fetch(path, {headers: {Accept: JSON_TYPES}, cache: 'no-store'});
    if (!response.ok) {
        throw new Error(`${path}: HTTP ${response.status}`);
    }
    return response.json();
}

/**
 * An operator action with HTTP Basic credentials held in memory. credentials: 'omit' keeps the
 * browser out of it: with its default mode Chromium answers a 401 carrying
 * "WWW-Authenticate: Basic" with its own login prompt and the request hangs until someone fills it
 * in (tried in headless Chromium); with 'omit' it neither prompts nor caches, and the page sees the
 * 401 and its problem body like any other answer. The header set here is still sent.
 */
export async function act(path, login, method = 'POST') {
    const response = await fetch(path, {
        method,
        credentials: 'omit',
        cache: 'no-store',
        headers: {
            Accept: JSON_TYPES,
            Authorization: 'Basic ' + base64(`${login.username}:${login.password}`),
        },
    });
    let body = null;
    try {
        body = await response.json();
    } catch {
        body = null;
    }
    return {status: response.status, ok: response.ok, body};
}

/** {@code GET /api/rollout}: position, plan, state, criteria, KPIs, last verdict. */
export const rollout = () => read('api/rollout');

/** The audit trail, newest first. */
export const events = limit => read(`api/rollout/events?limit=${limit}`);

/** Finished uploads per path in buckets of {@code bucketSeconds} over the last {@code minutes}. */
export const history = (minutes, bucketSeconds) =>
    read(`api/rollout/history?minutes=${minutes}&bucketSeconds=${bucketSeconds}`);

/**
 * promote, rollback, pause or resume; {@code fromStage} is the stage the page shows: if the
 * rollout moved meanwhile the gateway answers 409.
 */
export const move = (action, fromStage, login) =>
    act(`api/rollout/${action}${fromStage == null ? '' : `?from=${fromStage}`}`, login);

/** A read behind the operator's role, so logging in changes nothing. */
export const whoAmI = login => act('api/rollout/operator', login, 'GET');

function base64(text) {
    const bytes = new TextEncoder().encode(text);
    let binary = '';
    bytes.forEach(b => { binary += String.fromCharCode(b); });
    return btoa(binary);
}
