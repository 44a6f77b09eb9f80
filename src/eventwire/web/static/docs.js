/* Starts Swagger UI on /docs (a file, since the CSP allows no inline script). */
"use strict";
const root = document.getElementById("swagger-ui");
window.ui = SwaggerUIBundle({ url: root.dataset.spec, dom_id: "#swagger-ui", deepLinking: true,
                              presets: [SwaggerUIBundle.presets.apis] });
