// Saves the quiz's answers as they change, so a time limit scores what was chosen in time.
// Without JavaScript the "Save answers" button does the same.
(function () {
  const form = document.querySelector("form.quiz");
  if (!form || !window.fetch) return;
  const status = form.querySelector(".quiz__saved");
  form.addEventListener("change", function () {
    fetch(form.dataset.saveUrl, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        status.textContent = data.saved ? "Answers saved." : data.error;
      })
      .catch(function () { status.textContent = "Not saved: check your connection."; });
  });
})();
