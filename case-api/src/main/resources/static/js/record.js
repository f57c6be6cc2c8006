// Choosing a fact type reloads the form with that type's fields; a file, not an inline handler, so the
// content security policy can forbid inline script.
document.addEventListener('DOMContentLoaded', function () {
    var type = document.getElementById('type');
    if (type) {
        type.addEventListener('change', function () { type.form.submit(); });
    }
});
