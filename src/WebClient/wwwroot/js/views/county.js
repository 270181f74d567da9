export function mountCounty(main) { main.textContent = 'county'; return { destroy() {} }; }
