// What the page knows: the last answers of the API, the operator's credentials (memory only) and
// the polling bookkeeping; and the words for the controller's states and verdicts.

export const model = {
    rollout: null, events: [], history: null, login: null, shown: 10,
    range: null, fetched: {events: 0, history: 0}, timer: 0, generation: 0,
};

export const STATES = {
    HOLDING: ['Holding', 'Collecting evidence at this stage'],
    READY_TO_PROMOTE: ['Ready to promote', 'Every criterion is met; waiting for an operator'],
    AWAITING_APPROVAL: ['Awaiting approval', 'Every criterion is met and the stage\'s gate is manual; an operator approves'],
    WAITING_FOR_WINDOW: ['Waiting for window', 'Every criterion is met; the controller promotes when the next promotion window opens'],
    REVIEW: ['Review', 'Degraded but not failing: a human should decide'],
    ROLLED_BACK: ['Rolled back', 'A trigger sent the rollout back to 0 %; it stays there until an operator acts'],
    PAUSED: ['Paused', 'An operator, or a stage inconclusive for too long, stopped the controller; nothing moves until resumed'],
    COMPLETE: ['Complete', 'The last stage met its criteria'],
};

export const VERDICTS = {
    PROMOTE: 'Criteria met', HOLD: 'Not enough evidence yet', REVIEW: 'Needs review', ROLLBACK: 'Roll back',
};
