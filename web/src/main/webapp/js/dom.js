// Building the page's elements. Text from the server only ever goes in as text (textContent, text
// nodes, dataset, title), never as markup, so a reason, a name or an action cannot add an element.

export const $ = id => document.getElementById(id);

/**
 * An element of {@code tag}: {className, text, title, data: {key: value}}; children are elements or
 * strings (appended as text nodes).
 */
export function h(tag, {className, text, title, data} = {}, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    if (title !== undefined) node.title = title;
    Object.entries(data ?? {}).forEach(([key, value]) => { node.dataset[key] = value; });
    node.append(...children);
    return node;
}

/** A one-item list saying there is nothing to show. */
export function none(text) {
    return h('li', {className: 'none', text});
}
