// The operator's part: log in (credentials in this tab's memory only), the five actions, each after a
// confirmation in the page, and what came of them.

import {move, whoAmI} from './api.js';
import {$} from './dom.js';
import * as fmt from './format.js';
import {model} from './model.js';

export function renderActions(r) {
    const on = model.login != null;
    const final = r.nextStage == null;
    $('action-promote').disabled = !on || final;
    $('action-promote').title = final ? 'Already at the final stage' : `Move to ${fmt.share(r.nextPercent)} %`;
    $('action-approve').disabled = !on || r.state !== 'AWAITING_APPROVAL';
    $('action-approve').title = r.state === 'AWAITING_APPROVAL' ? `Let stage ${r.stage} move to ${fmt.share(r.nextPercent)} %`
        : 'No stage awaits approval';
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
        case 'approve':
            return ['Approve the manual gate?', `Stage ${r.stage} met its criteria. Approving moves from ${here} to stage `
                + `${r.nextStage} (${fmt.share(r.nextPercent)} %), signed with your name in the audit trail.`, 'Approve'];
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
        approve: `Approved: from stage ${t.fromStage} (${fmt.share(t.fromPercent)} %) to ${to}.`,
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

async function perform(action, afterwards) {
    result('busy', `Sending ${action}…`);
    try {
        const answer = await move(action, model.rollout?.stage, model.login);
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
    afterwards();
}

async function login(event) {
    event.preventDefault();
    const credentials = {username: $('login-username').value.trim(), password: $('login-password').value};
    const error = $('login-error');
    error.hidden = true;
    $('login-submit').disabled = true;
    try {
        const answer = await whoAmI(credentials);
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

/** The buttons and dialogs; {@code afterAction} runs once an action has been answered (or not). */
export function wireOperator(afterAction) {
    $('actions').querySelectorAll('button[data-action]').forEach(button =>
        button.addEventListener('click', () => ask(button.dataset.action)));
    $('confirm-cancel').addEventListener('click', () => $('confirm-dialog').close());
    $('confirm-ok').addEventListener('click', () => {
        const dialog = $('confirm-dialog');
        dialog.close();
        perform(dialog.dataset.action, afterAction);
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
}
