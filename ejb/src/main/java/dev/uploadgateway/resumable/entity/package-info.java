/** An upload sent in parts, its parts, where it stands, and what completing it made. */
package dev.uploadgateway.resumable.entity;
