// The sandbox page's only script (inlined into sandbox.html, allowed there by its hash). It takes one
// message from the app: the worker's script, the code and the app's port. It never runs the code itself
// and never reads what the code sends: the worker talks to the app straight through the port.
'use strict';
let started = false;
addEventListener('message', (event) => {
  // Only the app, only once, and only while this page has an opaque origin (no storage of the app's).
  if (started || event.source !== parent || origin !== 'null' || event.ports.length !== 1) return;
  started = true;
  const { worker, code } = event.data;
  const url = (text) => URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
  // A blob: worker keeps this page's policy: connect-src 'none', and scripts only from blob:.
  new Worker(url(worker), { name: 'run_code' }).postMessage(url(code), [event.ports[0]]);
});
