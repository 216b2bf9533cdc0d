/** JSON-P support shared by the gateway's modules. */
package dev.uploadgateway.json;
