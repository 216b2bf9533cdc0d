/**
 * The rollout dashboard's one server-side piece: its second address. The page itself is static
 * (index.html, dashboard.css and vanilla JavaScript modules in the WAR's root, charts drawn as
 * hand-written SVG) and reads only the public JSON API, so it needs no server rendering, no
 * framework and nothing from another origin; operator actions send HTTP Basic credentials held in
 * the page's memory.
 */
package dev.uploadgateway.web.dashboard;
