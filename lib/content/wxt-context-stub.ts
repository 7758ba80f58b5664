/**
 * What the content-script build gets for `wxt/utils/content-script-context` (the alias
 * is in wxt.config.ts). WXT's generated entry constructs a ContentScriptContext before
 * `main` runs, and the real one posts a message to the page whose type holds the
 * extension id (a fingerprint), stops itself when the page dispatches an event of that
 * name, and dispatches its location changes on the page's window, where the page can
 * forge them. The badge script ignores the context it is given and keeps its own
 * lifetime (lifetime.ts); this class only has to construct.
 */
export class ContentScriptContext {}
