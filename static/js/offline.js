/* Offline reading: register the service worker (education/offline.py) and ask it to check for
   new content on every visit. Without JavaScript or service workers the site works the same,
   just not offline. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!("serviceWorker" in navigator) || !script || !script.dataset.worker) { return; }
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(script.dataset.worker).then(function (registration) {
      // Once a worker is installed, register() alone does not look for a newer one.
      return registration.active ? registration.update() : registration;
    }).catch(function () {
      // No offline copies this time (private browsing, storage full, no signal): not an error.
    });
  });
})();
