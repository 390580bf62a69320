// The edit loop's client: reload the page when the site it came from has been rebuilt.
// The server tells by a Server-Sent Event (same origin: the site's Content-Security-Policy allows it).
(() => {
  const served = new URL(document.currentScript.src).searchParams.get("site") || "";
  const events = new EventSource("/livereload?site=" + encodeURIComponent(served));
  events.onopen = () => { window.liveReloadConnected = true; };
  events.onmessage = (event) => {
    if (event.data === "reload") {
      events.close();
      location.reload();
    }
  };
})();
