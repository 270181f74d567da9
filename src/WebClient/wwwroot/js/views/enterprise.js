export function mountEnterprise(main) { main.textContent = 'enterprise'; return { destroy() {} }; }
