${customer.familyName}様、${customer.points}ポイントの有効期限が近づいています
