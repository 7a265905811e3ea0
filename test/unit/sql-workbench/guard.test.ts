import { describe, expect, it } from 'vitest';
import { refusalOf } from '../../../src/lib/sql-workbench/guard';

describe('refusalOf keeps the loaded tables out of reach', () => {
	it('refuses any statement that names the base schema, quoted or in a string', () => {
		expect(refusalOf('DROP TABLE atlas_base.initiatives')).toBe('names_base_schema');
		expect(refusalOf('delete from "ATLAS_BASE"."measures"')).toBe('names_base_schema');
		expect(refusalOf("SET search_path = 'atlas_base'")).toBe('names_base_schema');
		expect(refusalOf('DROP SCHEMA atlas_base CASCADE')).toBe('names_base_schema');
	});

	it('refuses changing where unqualified names resolve, and attaching databases', () => {
		expect(refusalOf('USE memory.main')).toBe('changes_search_path');
		expect(refusalOf("SET schema = 'x'")).toBe('changes_search_path');
		expect(refusalOf('reset search_path')).toBe('changes_search_path');
		expect(refusalOf("ATTACH 'x.db'")).toBe('attaches_database');
	});

	it('lets ordinary statements through, including those on the views and a comment naming the schema', () => {
		expect(refusalOf('SELECT * FROM initiatives')).toBeNull();
		expect(refusalOf('DROP VIEW initiatives')).toBeNull();
		expect(refusalOf('-- not atlas_base\nSELECT 1')).toBeNull();
		expect(refusalOf('SET threads = 1')).toBeNull();
		expect(refusalOf('SELECT 1 AS user_atlas_base_x')).toBeNull();
	});
});

describe('refusalOf keeps every request on this machine', () => {
	it('refuses installing or loading extensions and changing the settings that keep requests local', () => {
		expect(refusalOf('INSTALL json')).toBe('loads_extension');
		expect(refusalOf('force install httpfs')).toBe('loads_extension');
		expect(refusalOf('LOAD parquet')).toBe('loads_extension');
		expect(refusalOf('SET autoload_known_extensions = true')).toBe('loads_extension');
		expect(refusalOf("SET GLOBAL custom_extension_repository = 'x'")).toBe('loads_extension');
		expect(refusalOf('RESET enable_external_access')).toBe('loads_extension');
	});
	it('lets other settings through', () => {
		expect(refusalOf('SET threads = 1')).toBeNull();
		expect(refusalOf("SELECT 'install' AS word")).toBeNull();
	});
});
