/**
 * The trail: finished uploads and rollout decisions as JSON lines on disk, and their CSV exports.
 * Plain append-only files were chosen over database tables so the trail can be shipped and read
 * with ordinary tools (jq, spreadsheets) and survives a database that is replaced.
 */
package dev.uploadgateway.audit.control;
