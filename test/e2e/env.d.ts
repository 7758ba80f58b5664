// page.evaluate callbacks run inside extension pages, where `chrome` exists.
/// <reference types="chrome" />
