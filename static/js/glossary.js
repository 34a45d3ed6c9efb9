/* Glossary terms in page text. Without this script a term is a link to its glossary entry,
   and CSS shows its definition on hover and keyboard focus. This script adds:
   - Escape hides an open definition (WCAG 1.4.13) until the pointer or focus moves away;
   - on a touch screen, the first tap on a term shows its definition in place instead of
     leaving the page; a second tap on the same term follows the link to the glossary; a tap
     anywhere else closes the definition. */
(function () {
  "use strict";
  var terms = document.querySelectorAll("a.glossary-term");
  var lastPointer = "";

  function definitionOf(term) {
    return document.getElementById(term.getAttribute("aria-describedby"));
  }

  function close(term) {
    var definition = definitionOf(term);
    term.setAttribute("aria-expanded", "false");
    if (definition) { definition.classList.remove("is-open"); }
  }

  function closeOthers(keep) {
    terms.forEach(function (term) {
      if (term !== keep && term.getAttribute("aria-expanded") === "true") { close(term); }
    });
  }

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType;
  }, true);

  terms.forEach(function (term) {
    var definition = definitionOf(term);
    if (!definition) { return; }
    function reset() { definition.classList.remove("is-dismissed"); }
    term.addEventListener("blur", reset);
    term.addEventListener("mouseleave", reset);
    term.addEventListener("click", function (event) {
      if (lastPointer !== "touch" || term.getAttribute("aria-expanded") === "true") { return; }
      event.preventDefault();
      closeOthers(term);
      definition.classList.remove("is-dismissed");
      definition.classList.add("is-open");
      term.setAttribute("aria-expanded", "true");
    });
  });

  document.addEventListener("click", function (event) {
    if (!event.target.closest("a.glossary-term, .glossary-def")) { closeOthers(null); }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    closeOthers(null);
    document.querySelectorAll(".glossary-def").forEach(function (definition) {
      definition.classList.add("is-dismissed");
    });
  });
})();
