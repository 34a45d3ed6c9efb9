// Optional: move keyboard and screen-reader focus to the error summary when the form has errors.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
});

// Optional: in the care team's section, show only the boxes for the treatment chosen above.
// Without JavaScript every box shows and only the chosen treatment's boxes are used.
document.addEventListener("DOMContentLoaded", function () {
  var regimen = document.getElementById("id_regimen");
  var groups = document.querySelectorAll("fieldset[data-regimen]");
  if (!regimen || !groups.length) {
    return;
  }
  function update() {
    groups.forEach(function (group) {
      group.hidden = Boolean(regimen.value) && group.dataset.regimen !== regimen.value;
    });
  }
  regimen.addEventListener("change", update);
  update();
});
