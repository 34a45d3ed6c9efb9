// Optional: move keyboard and screen-reader focus to the error summary when the form has errors.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
});
