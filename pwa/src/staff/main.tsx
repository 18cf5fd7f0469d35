/** Entry point of the staff app (/staff/): mounts it into staff/index.html's #staff-app.
 * Online-first: it registers no service worker (see README, "The staff app"). */

import { render } from "preact";
import { StaffApp } from "./App";
import "./staff.css";

const root = document.getElementById("staff-app");
if (root) render(<StaffApp />, root);
