CREATE TABLE note (id INT PRIMARY KEY, text VARCHAR(200) NOT NULL);
INSERT INTO note (id, text) VALUES (1, 'the application''s own table');
