// A light touch: a decision form cannot be sent twice, and says it is being sent.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!form.classList || !form.classList.contains('decision')) {
    return;
  }
  var clicked = event.submitter;
  setTimeout(function () {
    form.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
    if (clicked) {
      clicked.textContent = 'Sending…';
    }
  }, 0);
});
