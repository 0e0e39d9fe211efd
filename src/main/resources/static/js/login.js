// What the server's redirect after a login attempt or a logout says (?error, ?locked, ?logout).
const messages = {
  error: ['Wrong user name or password.', 'error'],
  locked: ['Too many failed logins: try again in a minute.', 'error'],
  logout: ['You are logged out.', ''],
};
const params = new URLSearchParams(location.search);
const key = Object.keys(messages).find((k) => params.has(k));
if (key) {
  const box = document.getElementById('login-message');
  box.textContent = messages[key][0];
  if (messages[key][1]) box.classList.add(messages[key][1]);
  box.hidden = false;
}
