// Saves text produced by the server as a file in the browser (no server-side path involved).
window.interphaseDownload = (name, mime, text) => {
  const blob = new Blob([text], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url; a.download = name; document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
};

// Called by the layout after its first interactive render (prerendered HTML does not respond to input before that).
window.interphaseInteractive = () => { document.documentElement.dataset.interactive = '1'; };
