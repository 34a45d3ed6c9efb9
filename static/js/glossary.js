/* Glossary definitions show on hover and focus through CSS alone. This only adds the Escape
   key to hide an open definition (WCAG 1.4.13), until the pointer or focus moves away. */
(function () {
  "use strict";
  var terms = document.querySelectorAll("a.glossary-term");
  terms.forEach(function (term) {
    var definition = document.getElementById(term.getAttribute("aria-describedby"));
    if (!definition) { return; }
    function reset() { definition.classList.remove("is-dismissed"); }
    term.addEventListener("blur", reset);
    term.addEventListener("mouseleave", reset);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    document.querySelectorAll(".glossary-def").forEach(function (definition) {
      definition.classList.add("is-dismissed");
    });
  });
})();
