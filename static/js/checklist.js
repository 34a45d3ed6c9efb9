/* Checklist ticks: kept only in this browser (localStorage), never sent anywhere.
   Without JavaScript the checkboxes still tick; they are just not remembered. */
(function () {
  "use strict";
  var list = document.querySelector("[data-checklist]");
  if (!list) { return; }
  var PREFIX = "isatuximab-checklist:";
  var store;
  try {
    store = window.localStorage;
    store.getItem(PREFIX + "probe");
  } catch (e) {
    return; // storage blocked: ticks work but are not remembered
  }
  var boxes = list.querySelectorAll("input[type=checkbox][data-key]");
  boxes.forEach(function (box) {
    box.checked = store.getItem(PREFIX + box.dataset.key) === "1";
    box.addEventListener("change", function () {
      if (box.checked) {
        store.setItem(PREFIX + box.dataset.key, "1");
      } else {
        store.removeItem(PREFIX + box.dataset.key);
      }
    });
  });
  var clear = document.createElement("button");
  clear.type = "button";
  clear.className = "btn btn-outline-secondary checklist__clear";
  clear.textContent = "Clear all my ticks";
  clear.addEventListener("click", function () {
    boxes.forEach(function (box) {
      box.checked = false;
      store.removeItem(PREFIX + box.dataset.key);
    });
  });
  list.appendChild(clear);
})();
