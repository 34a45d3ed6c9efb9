/* "Check what you understood". Without this script the form posts to the page and the page
   comes back with each explanation. With it, the same POST (no cookie, answers only in the
   request body) returns the answered section, which replaces the old one in place; the score
   is announced to screen readers (aria-live) and focus moves to it, so keyboard users carry
   on from there. If anything fails, the form is sent the plain way. */
(function () {
  "use strict";

  function announce(section, text) {
    var status = section.querySelector("[data-self-check-status]");
    if (status) { status.textContent = text; }
  }

  function enhance(section) {
    var form = section.querySelector("form");
    if (!form || !window.fetch || !window.FormData) { return; }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var button = form.querySelector("button[type=submit]");
      if (button) { button.disabled = true; }
      fetch(form.getAttribute("action").split("#")[0], {
        method: "POST",
        body: new FormData(form),
        credentials: "omit",
        cache: "no-store",
        headers: { "Accept": "application/json" }
      }).then(function (response) {
        if (!response.ok) { throw new Error("status " + response.status); }
        return response.json();
      }).then(function (data) {
        var holder = document.createElement("div");
        holder.innerHTML = data.html;
        var fresh = holder.querySelector("[data-self-check]");
        section.replaceWith(fresh);
        enhance(fresh);
        var summary = fresh.querySelector("#self-check-summary");
        if (summary) {
          summary.focus();
          announce(fresh, summary.textContent.replace(/\s+/g, " ").trim());
        }
      }).catch(function () {
        form.submit();
      });
    });
  }

  document.querySelectorAll("[data-self-check]").forEach(enhance);
}());
